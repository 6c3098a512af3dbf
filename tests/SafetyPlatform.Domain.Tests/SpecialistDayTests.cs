using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Tests;

/// <summary>
/// Aoife's Wednesday in Dublin (UTC+0 in November) and a Sydney colleague's (UTC+11), on their
/// teams' clocks.
/// </summary>
public class SpecialistDayTests
{
    private static readonly TimeZoneInfo Dublin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Dublin");
    private static readonly TimeZoneInfo Sydney = TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney");

    private static DateTimeOffset Utc(int day, int hour, int minute) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Occupancy_is_handling_over_logged_in_time_and_utilisation_adds_available()
    {
        // 09:00 available; 09:30 handling; 11:00 break; 11:15 available; 12:00 handling; read at 12:45.
        var day = new SpecialistDay(Dublin, ActivityState.Available, Utc(25, 9, 0), Utc(25, 9, 0));
        day.StateChanged(ActivityState.Handling, Utc(25, 9, 30));
        day.StateChanged(ActivityState.Break, Utc(25, 11, 0));
        day.StateChanged(ActivityState.Available, Utc(25, 11, 15));
        day.StateChanged(ActivityState.Handling, Utc(25, 12, 0));
        var now = Utc(25, 12, 45);

        // Logged in 3 h 45 min: handling 1 h 30 min + 45 min = 2 h 15 min; available 30 + 45 = 1 h 15 min; break 15 min.
        Assert.Equal(new TimeSpan(3, 45, 0), day.LoggedIn(now));
        Assert.Equal(new TimeSpan(2, 15, 0), day.TimeIn(ActivityState.Handling, now));
        Assert.Equal(0.6, day.SoFar(now).Occupancy!.Value, 10);            // 2.25 h / 3.75 h
        Assert.Equal(3.5 / 3.75, day.SoFar(now).Utilisation!.Value, 10);   // (1.25 h + 2.25 h) / 3.75 h
    }

    [Fact]
    public void Offline_time_is_not_logged_in_and_before_logging_in_there_is_no_occupancy()
    {
        var day = new SpecialistDay(Dublin, ActivityState.Offline, Utc(24, 17, 0), Utc(25, 8, 0));

        Assert.Null(day.SoFar(Utc(25, 8, 30)).Occupancy);
        day.StateChanged(ActivityState.Available, Utc(25, 8, 30));
        Assert.Equal(TimeSpan.FromMinutes(30), day.LoggedIn(Utc(25, 9, 0)));
        Assert.Equal(0.0, day.SoFar(Utc(25, 9, 0)).Occupancy);
    }

    [Fact]
    public void AHT_and_SLA_attainment_are_over_the_items_completed_today()
    {
        var day = new SpecialistDay(Dublin, ActivityState.Handling, Utc(25, 9, 0), Utc(25, 9, 0));

        day.Completion(TimeSpan.FromMinutes(4), deadline: Utc(25, 10, 0), at: Utc(25, 9, 10));   // in time
        day.Completion(TimeSpan.FromMinutes(8), deadline: Utc(25, 9, 15), at: Utc(25, 9, 20));   // late
        day.Completion(TimeSpan.FromMinutes(6), deadline: Utc(25, 9, 30), at: Utc(25, 9, 30));   // on the dot: in time
        day.Rejection(Utc(25, 9, 31));
        day.Expiry(Utc(25, 9, 40));

        Assert.Equal(3, day.Handled);
        Assert.Equal(TimeSpan.FromMinutes(6), day.SoFar(Utc(25, 9, 40)).AverageHandleTime);
        Assert.Equal(2.0 / 3, day.SoFar(Utc(25, 9, 40)).SlaAttainment);
        Assert.Equal((1, 1), (day.Rejected, day.Expired));
    }

    [Fact]
    public void Local_midnight_starts_a_new_day_and_splits_the_running_state()
    {
        // Sydney is UTC+11 in November: local midnight of the 26th is 13:00 UTC on the 25th.
        var day = new SpecialistDay(Sydney, ActivityState.Handling, Utc(25, 11, 0), Utc(25, 11, 0));
        day.Completion(TimeSpan.FromMinutes(5), Utc(25, 12, 0), Utc(25, 11, 30));

        Assert.Equal(new DateOnly(2026, 11, 25), day.Day);
        Assert.Equal(TimeSpan.FromMinutes(30), day.TimeIn(ActivityState.Handling, Utc(25, 13, 30)));   // 13:00–13:30 UTC is the 26th
        Assert.Equal(new DateOnly(2026, 11, 26), day.Day);
        Assert.Equal(0, day.Handled);
        Assert.Equal(Utc(25, 13, 0), day.DayStart);
    }

    [Fact]
    public void A_day_kept_before_a_restart_resumes_where_it_was_and_a_kept_yesterday_gives_a_new_day()
    {
        var day = new SpecialistDay(Dublin, ActivityState.Available, Utc(25, 9, 0), Utc(25, 9, 0));
        day.StateChanged(ActivityState.Handling, Utc(25, 9, 30));
        day.Completion(TimeSpan.FromMinutes(4), Utc(25, 10, 0), Utc(25, 9, 34));
        var kept = day.Keep();

        var resumed = SpecialistDay.Resume(Dublin, kept, Utc(25, 10, 0));
        var tomorrow = SpecialistDay.Resume(Dublin, kept, Utc(26, 9, 0));

        Assert.Equal(1, resumed.Handled);
        Assert.Equal(TimeSpan.FromMinutes(30), resumed.TimeIn(ActivityState.Available, Utc(25, 10, 0)));
        Assert.Equal(TimeSpan.FromMinutes(30), resumed.TimeIn(ActivityState.Handling, Utc(25, 10, 0)));   // still handling since 09:30
        Assert.Equal(0, tomorrow.Handled);
        Assert.Equal(new DateOnly(2026, 11, 26), tomorrow.Day);
        Assert.Equal(TimeSpan.FromHours(9), tomorrow.TimeIn(ActivityState.Handling, Utc(26, 9, 0)));       // the running state, from midnight
    }

    [Fact]
    public void At_midnight_the_day_closes_with_its_counts_and_the_running_state_up_to_midnight()
    {
        // Aoife: available 22:00, handling 23:00 (one item done at 23:20), still handling past midnight.
        var day = new SpecialistDay(Dublin, ActivityState.Available, Utc(25, 22, 0), Utc(25, 22, 0));
        day.StateChanged(ActivityState.Handling, Utc(25, 23, 0));
        day.Completion(TimeSpan.FromMinutes(12), deadline: Utc(25, 23, 30), at: Utc(25, 23, 20));

        day.RollTo(Utc(26, 0, 10));

        var closed = Assert.Single(day.TakeClosedDays());
        Assert.Equal(new DateOnly(2026, 11, 25), closed.Day);
        Assert.Equal(1, closed.Handled);
        Assert.Equal(TimeSpan.FromHours(1), closed.TimeIn[ActivityState.Available]);   // 22:00–23:00
        Assert.Equal(TimeSpan.FromHours(1), closed.TimeIn[ActivityState.Handling]);    // 23:00–midnight, not to 00:10
        Assert.Equal(Utc(26, 0, 0), closed.Since);
        Assert.Equal(TimeSpan.FromMinutes(10), day.TimeIn(ActivityState.Handling, Utc(26, 0, 10)));
        Assert.Empty(day.TakeClosedDays());
    }

    [Fact]
    public void Days_offline_with_nothing_done_are_not_kept_and_days_left_logged_in_are()
    {
        // Offline from Wednesday 18:00 until Saturday: only Wednesday (09:00–18:00 available) is kept.
        var away = new SpecialistDay(Dublin, ActivityState.Available, Utc(25, 9, 0), Utc(25, 9, 0));
        away.StateChanged(ActivityState.Offline, Utc(25, 18, 0));
        away.RollTo(Utc(28, 9, 0));

        var wednesday = Assert.Single(away.TakeClosedDays());
        Assert.Equal((new DateOnly(2026, 11, 25), TimeSpan.FromHours(9)), (wednesday.Day, wednesday.TimeIn[ActivityState.Available]));

        // Left AVAILABLE from Wednesday 17:00: Wednesday (7 h), Thursday and Friday (24 h each) are kept.
        var forgot = new SpecialistDay(Dublin, ActivityState.Available, Utc(25, 17, 0), Utc(25, 17, 0));
        forgot.RollTo(Utc(28, 9, 0));

        var closedDays = forgot.TakeClosedDays();
        Assert.Equal([25, 26, 27], closedDays.Select(d => d.Day.Day));
        Assert.Equal([7.0, 24.0, 24.0], closedDays.Select(d => d.TimeIn[ActivityState.Available].TotalHours));
    }

    [Fact]
    public void A_kept_day_that_is_over_is_closed_when_it_is_resumed()
    {
        var day = new SpecialistDay(Dublin, ActivityState.Available, Utc(25, 9, 0), Utc(25, 9, 0));
        day.Offered(2, Utc(25, 9, 5));
        day.StateChanged(ActivityState.Offline, Utc(25, 17, 0));

        var resumed = SpecialistDay.Resume(Dublin, day.Keep(), Utc(26, 8, 0));

        var closed = Assert.Single(resumed.TakeClosedDays());
        Assert.Equal((new DateOnly(2026, 11, 25), 2), (closed.Day, closed.Offers));
        Assert.Equal(TimeSpan.FromHours(8), closed.TimeIn[ActivityState.Available]);
    }

    [Fact]
    public void Where_the_clocks_go_back_at_midnight_the_day_starts_at_the_first_midnight()
    {
        // Havana leaves daylight saving on Sunday 1 November 2026: at 01:00 (UTC−4) the clocks go
        // back to 00:00 (UTC−5), so local midnight comes at 04:00 and again at 05:00 UTC.
        var havana = TimeZoneInfo.FindSystemTimeZoneById("America/Havana");
        var day = new SpecialistDay(havana, ActivityState.Available, Utc(1, 1, 0), Utc(1, 1, 0));   // Saturday 31 October, 21:00 local

        day.RollTo(Utc(1, 6, 0));

        var saturday = Assert.Single(day.TakeClosedDays());
        Assert.Equal(new DateOnly(2026, 10, 31), saturday.Day);
        Assert.Equal(TimeSpan.FromHours(3), saturday.TimeIn[ActivityState.Available]);   // 21:00 to the first midnight
        Assert.Equal(Utc(1, 4, 0), day.DayStart);
    }
}
