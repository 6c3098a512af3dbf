using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Tests;

/// <summary>A team's Wednesday from two members' closed days, with the numbers written out.</summary>
public class DayTotalsTests
{
    private static readonly DateOnly Wednesday = new(2026, 11, 25);

    private static SpecialistDayRecord Closed(int handled, int withinSla, int handleMinutes, double availableHours, double handlingHours, double breakHours) =>
        new(Wednesday, ActivityState.Offline, new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero),
            Offers: handled + 1, Rejected: 1, Expired: 0, handled, withinSla, TimeSpan.FromMinutes(handleMinutes), Escalated: 0, Released: 0,
            new Dictionary<ActivityState, TimeSpan>
            {
                [ActivityState.Available] = TimeSpan.FromHours(availableHours),
                [ActivityState.Handling] = TimeSpan.FromHours(handlingHours),
                [ActivityState.Break] = TimeSpan.FromHours(breakHours),
                [ActivityState.Offline] = TimeSpan.FromHours(24 - availableHours - handlingHours - breakHours),
            });

    [Fact]
    public void One_specialists_day_gives_their_ratios()
    {
        // 20 items in 200 minutes, 18 in time; logged in 8 h: 2 h available, 5 h handling, 1 h break.
        var aoife = DayTotals.Of([Closed(20, 18, 200, 2, 5, 1)]);

        Assert.Equal(TimeSpan.FromHours(8), aoife.LoggedIn);
        Assert.Equal(5.0 / 8, aoife.Occupancy);           // 0.625
        Assert.Equal(7.0 / 8, aoife.Utilisation);         // 0.875
        Assert.Equal(TimeSpan.FromMinutes(10), aoife.AverageHandleTime);
        Assert.Equal(0.9, aoife.SlaAttainment);
        Assert.Equal((21, 1), (aoife.Offers, aoife.Rejected));
    }

    [Fact]
    public void A_teams_day_is_over_the_sums_so_each_member_weighs_by_their_time_and_items()
    {
        // Aoife: 20 items, 200 min, 18 in time; 8 h logged in, 5 h handling.
        // Bram: 10 items, 160 min, 6 in time; 4 h logged in, 3 h handling.
        var team = DayTotals.Of([Closed(20, 18, 200, 2, 5, 1), Closed(10, 6, 160, 1, 3, 0)]);

        Assert.Equal(2, team.Specialists);
        Assert.Equal(30, team.Handled);
        Assert.Equal(TimeSpan.FromMinutes(12), team.AverageHandleTime);   // 360 min / 30, not the mean of 10 and 16
        Assert.Equal(0.8, team.SlaAttainment);                            // 24 / 30
        Assert.Equal(8.0 / 12, team.Occupancy);                           // (5 + 3) h / (8 + 4) h
        Assert.Equal(11.0 / 12, team.Utilisation);                        // (3 + 8) h / 12 h
    }

    [Fact]
    public void A_day_with_nobody_logged_in_and_nothing_done_has_no_ratios()
    {
        var quiet = DayTotals.Of([Closed(0, 0, 0, 0, 0, 0) with { Offers = 0, Rejected = 0 }]);

        Assert.Equal(TimeSpan.Zero, quiet.LoggedIn);
        Assert.Null(quiet.Occupancy);
        Assert.Null(quiet.Utilisation);
        Assert.Null(quiet.AverageHandleTime);
        Assert.Null(quiet.SlaAttainment);
    }
}
