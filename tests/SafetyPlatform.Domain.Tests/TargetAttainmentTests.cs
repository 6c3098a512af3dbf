using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Quality;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Targets;

namespace SafetyPlatform.Domain.Tests;

/// <summary>Targets over a period of days, from the days' sums, with the numbers written out.</summary>
public class TargetAttainmentTests
{
    private static readonly DateOnly Monday = new(2026, 11, 30);

    private static DayTotals Day(DateOnly day, int handled, int withinSla, double ahtSeconds, QualityTally quality, double handlingHours = 0, double loggedInHours = 0) =>
        new(day, 1, handled, 0, 0, handled, withinSla, TimeSpan.FromSeconds(ahtSeconds * handled), 0, 0,
            new Dictionary<ActivityState, TimeSpan>
            {
                [ActivityState.Handling] = TimeSpan.FromHours(handlingHours),
                [ActivityState.Available] = TimeSpan.FromHours(loggedInHours - handlingHours),
            },
            quality);

    [Fact]
    public void A_weeks_sla_attainment_weighs_every_completion_once()
    {
        // Monday 40 of 50 in time (0.8), Tuesday 45 of 60 (0.75): 85 of 110 = 0.7727, not the mean of the days (0.775).
        // Wednesday, 0 of 0, adds nothing.
        var target = new Target("sla", TargetMetric.SlaAttainment, 0.9, null, Monday, Monday.AddDays(4));
        var days = new[] { Day(Monday, 50, 40, 300, QualityTally.None), Day(Monday.AddDays(1), 60, 45, 300, QualityTally.None), Day(Monday.AddDays(2), 0, 0, 0, QualityTally.None) };
        var midweek = TargetAttainment.Of(target, days, Monday.AddDays(2));
        Assert.Equal(85.0 / 110, midweek.Value!.Value, 10);
        Assert.Equal(TargetStatus.OffTrack, midweek.Status);
        // After Friday the week is over: missed, and alerted as such.
        var after = TargetAttainment.Of(target, days, Monday.AddDays(5));
        Assert.Equal(TargetStatus.Missed, after.Status);
        var alert = after.MissedAlert("specialists/aoife/targets/sla")!;
        Assert.Equal((AlertKind.TargetMissed, 85.0 / 110, 0.9), (alert.Kind, alert.Value, alert.Threshold));
        Assert.Contains("at least 0.9", alert.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Accuracy_quality_aht_and_occupancy_come_from_the_sums_of_the_days_in_the_period()
    {
        // Monday: 4 audits, 3 agree, scores 310; 10 items at 240 s; 6 h handling of 8 h logged in.
        // Tuesday: 1 audit, agrees, score 90; 10 items at 360 s; 5 h of 8 h. The Sunday before is outside the period.
        var days = new[]
        {
            Day(Monday.AddDays(-1), 100, 0, 999, new QualityTally(10, 0, 0, 0, 0), 8, 8),
            Day(Monday, 10, 10, 240, new QualityTally(4, 3, 310, 0, 0), 6, 8),
            Day(Monday.AddDays(1), 10, 10, 360, new QualityTally(1, 1, 90, 0, 0), 5, 8),
        };
        Target For(TargetMetric metric, double? atLeast, double? atMost) => new("t", metric, atLeast, atMost, Monday, Monday.AddDays(6));

        // Accuracy 4/5 = 0.8; quality 400/5 = 80; AHT (2,400 + 3,600)/20 = 300 s; occupancy 11/16 = 0.6875.
        Assert.Equal(0.8, TargetAttainment.Of(For(TargetMetric.Accuracy, 0.95, null), days, Monday.AddDays(2)).Value);
        Assert.Equal(80, TargetAttainment.Of(For(TargetMetric.Quality, 75, null), days, Monday.AddDays(2)).Value);
        var aht = TargetAttainment.Of(For(TargetMetric.AverageHandleTime, null, 300), days, Monday.AddDays(2));
        Assert.Equal((300.0, TargetStatus.OnTrack), (aht.Value, aht.Status));
        var occupancy = TargetAttainment.Of(For(TargetMetric.Occupancy, 0.70, 0.85), days, Monday.AddDays(7));
        Assert.Equal((0.6875, TargetStatus.Missed), (occupancy.Value, occupancy.Status));
        Assert.Contains("from 0.7 to 0.85", occupancy.MissedAlert("teams/dublin/targets/t")!.Summary, StringComparison.Ordinal);
        Assert.Equal(TargetStatus.Met, TargetAttainment.Of(For(TargetMetric.Quality, 75, null), days, Monday.AddDays(7)).Status);
    }

    [Fact]
    public void With_nothing_to_measure_a_target_is_not_measured_and_not_alerted()
    {
        var target = new Target("accuracy", TargetMetric.Accuracy, 0.95, null, Monday, Monday);
        var attainment = TargetAttainment.Of(target, [Day(Monday, 5, 5, 60, QualityTally.None)], Monday.AddDays(1));
        Assert.Equal((null, TargetStatus.NotMeasured), (attainment.Value, attainment.Status));
        Assert.Null(attainment.MissedAlert("specialists/aoife/targets/accuracy"));
    }
}
