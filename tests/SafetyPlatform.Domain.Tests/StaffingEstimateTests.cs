using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Roster;
using static SafetyPlatform.Domain.Tests.WorkFixtures;

namespace SafetyPlatform.Domain.Tests;

/// <summary>
/// Specialists needed now = ⌈arrivals in 15 min × AHT ÷ 15 min + waiting × AHT ÷ 15 min⌉; and a
/// team's picture from its members and the queues it serves.
/// </summary>
public class StaffingEstimateTests
{
    [Fact]
    public void Thirty_arrivals_in_15_minutes_at_4_minutes_each_and_30_waiting_need_16()
    {
        // Keep up: 30 × 4 min ÷ 15 min = 8. Clear the 30 waiting within 15 min: 30 × 4 ÷ 15 = 8.
        Assert.Equal(16, StaffingEstimate.Needed(arrivalsInWindow: 30, waiting: 30, handleTime: TimeSpan.FromMinutes(4)));
    }

    [Fact]
    public void Part_of_a_specialist_is_a_whole_one()
    {
        // 10 × 2 min ÷ 15 min = 1.33, nothing waiting: 2.
        Assert.Equal(2, StaffingEstimate.Needed(arrivalsInWindow: 10, waiting: 0, handleTime: TimeSpan.FromMinutes(2)));
        // Exactly 7 stays 7.
        Assert.Equal(7, StaffingEstimate.Needed(arrivalsInWindow: 35, waiting: 0, handleTime: TimeSpan.FromMinutes(3)));
    }

    [Fact]
    public void A_quiet_queue_needs_nobody_and_without_a_handle_time_there_is_no_estimate()
    {
        Assert.Equal(0, StaffingEstimate.Needed(arrivalsInWindow: 0, waiting: 0, handleTime: TimeSpan.FromMinutes(3)));
        Assert.Null(StaffingEstimate.Needed(arrivalsInWindow: 12, waiting: 40, handleTime: null));
    }

    [Fact]
    public void A_team_counts_its_members_by_state_and_weights_its_queues_by_their_completions()
    {
        var quarter = new StatsInterval(At(10, 0), StatsInterval.FifteenMinutes);
        // hate-en: 30 completed, 27 in time, AHT 4 min; hate-de: 10 completed, 5 in time, AHT 8 min.
        var english = new QueueStaffing("hate-en", 30, 2, 0, 5, 16, 30, TimeSpan.FromMinutes(4), Quarter(quarter, 30, 27, TimeSpan.FromMinutes(4)));
        var german = new QueueStaffing("hate-de", 4, 0, 1, 1, 3, 5, TimeSpan.FromMinutes(8), Quarter(quarter, 10, 5, TimeSpan.FromMinutes(8)));

        // Today so far: the two handling have handled 3 h and 2 h of 4 h logged in each; the others 1 h of 4 h, 0 of 4 h, and not logged in.
        (ActivityState, TimeSpan, TimeSpan)[] members =
        [
            (ActivityState.Available, TimeSpan.FromHours(1), TimeSpan.FromHours(4)),
            (ActivityState.Handling, TimeSpan.FromHours(3), TimeSpan.FromHours(4)),
            (ActivityState.Handling, TimeSpan.FromHours(2), TimeSpan.FromHours(4)),
            (ActivityState.Break, TimeSpan.Zero, TimeSpan.FromHours(4)),
            (ActivityState.Offline, TimeSpan.Zero, TimeSpan.Zero),
        ];
        var team = TeamStats.From("dublin", "Dublin", "in-house", TimeZoneInfo.Utc, At(10, 7), members, [english, german]);

        Assert.Equal(2, team.MembersByState[ActivityState.Handling]);
        Assert.Equal(3, team.OnQueue);
        Assert.Equal(19, team.Needed);
        Assert.Equal(["hate-de", "hate-en"], team.Queues.Select(q => q.QueueId));
        // (27 + 5) of 40 in time; AHT (30 × 4 + 10 × 8) ÷ 40 = 5 min.
        Assert.Equal(40, team.Completions);
        Assert.Equal(32.0 / 40, team.SlaAttainment);
        Assert.Equal(TimeSpan.FromMinutes(5), team.AverageHandleTime);
        // (1 + 3 + 2 + 0) h handling of 16 h logged in.
        Assert.Equal(6.0 / 16, team.Occupancy);
    }

    [Fact]
    public void A_team_runs_each_members_reported_day_on_to_now()
    {
        // Reported at 09:00 UTC on 25 November: Aoife went HANDLING at 09:00 after 1 h AVAILABLE;
        // Ben went on BREAK at 08:30 after 30 min HANDLING; Cara's day was reported yesterday, OFFLINE since 17:00.
        var day = new DateOnly(2026, 11, 25);
        var aoife = Reported(day, ActivityState.Handling, At(9, 0), (ActivityState.Available, TimeSpan.FromHours(1)));
        var ben = Reported(day, ActivityState.Break, At(8, 30), (ActivityState.Handling, TimeSpan.FromMinutes(30)));
        var cara = Reported(day.AddDays(-1), ActivityState.Offline, At(9, 0).AddDays(-1).AddHours(8), (ActivityState.Handling, TimeSpan.FromHours(6)));

        var team = TeamStats.FromDays("dublin", "Dublin", "in-house", TimeZoneInfo.Utc, At(10, 0), [aoife, ben, cara], []);

        Assert.Equal(1, team.MembersByState[ActivityState.Handling]);
        Assert.Equal(1, team.MembersByState[ActivityState.Break]);
        Assert.Equal(1, team.MembersByState[ActivityState.Offline]);
        // At 10:00: Aoife 1 h handling of 2 h logged in; Ben 30 min handling of 2 h (30 min + 1 h 30 min on break);
        // Cara's 6 h were yesterday's. (1 h + 30 min) of 4 h.
        Assert.Equal(1.5 / 4, team.Occupancy);
    }

    [Fact]
    public void Of_two_reports_of_one_day_the_later_state_change_wins()
    {
        var day = new DateOnly(2026, 11, 25);
        var handling = Reported(day, ActivityState.Handling, At(9, 0));
        var available = Reported(day, ActivityState.Available, At(9, 6), (ActivityState.Handling, TimeSpan.FromMinutes(6)));

        Assert.True(available.IsLaterThan(handling));
        Assert.False(handling.IsLaterThan(available));
        Assert.True(Reported(day.AddDays(1), ActivityState.Offline, At(0, 0).AddDays(1)).IsLaterThan(available));
    }

    private static SpecialistDayRecord Reported(DateOnly day, ActivityState state, DateTimeOffset since, params (ActivityState State, TimeSpan Time)[] timeIn) =>
        new(day, state, since, 0, 0, 0, 0, 0, TimeSpan.Zero, 0, 0, timeIn.ToDictionary(t => t.State, t => t.Time));

    private static QueueIntervalStats Quarter(StatsInterval interval, int completions, int inTime, TimeSpan aht) =>
        new(interval, false, 0, 0, 0, 0, 0, 0, 0, completions, 0, 0, inTime, (double)inTime / completions, null, null, aht, Domain.Quality.QualityTally.None);
}
