using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Domain.Targets;

namespace SafetyPlatform.Domain.Tests;

/// <summary>What a target may say: each metric's scale, the longest period, and the target's name.</summary>
public class TargetScaleTests
{
    [Theory]
    [InlineData(TargetMetric.SlaAttainment, 0.95, true)]
    [InlineData(TargetMetric.Accuracy, 1.0, true)]
    [InlineData(TargetMetric.Accuracy, 95, false)] // a percentage where a share is meant
    [InlineData(TargetMetric.Occupancy, -0.1, false)]
    [InlineData(TargetMetric.Quality, 100, true)]
    [InlineData(TargetMetric.Quality, 100.5, false)]
    [InlineData(TargetMetric.AverageHandleTime, 300, true)] // 5 minutes
    [InlineData(TargetMetric.AverageHandleTime, 86_401, false)] // more than a day
    [InlineData(TargetMetric.Accuracy, double.NaN, false)]
    public void A_bound_must_be_on_the_metrics_scale(TargetMetric metric, double value, bool holds)
    {
        Assert.Equal(holds, TargetScale.Holds(metric, value));
    }

    [Fact]
    public void A_period_runs_forwards_for_at_most_366_days()
    {
        var first = new DateOnly(2027, 1, 1);

        Assert.True(TargetScale.IsPeriod(first, first), "one day");
        Assert.True(TargetScale.IsPeriod(new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31)), "a leap year: 366 days");
        Assert.False(TargetScale.IsPeriod(first, first.AddDays(366)), "367 days");
        Assert.False(TargetScale.IsPeriod(first, first.AddDays(-1)), "backwards");
    }

    [Theory]
    [InlineData("specialists/aoife/targets/accuracy", "specialists/aoife", "accuracy")]
    [InlineData("teams/dublin-hate/targets/q4-quality", "teams/dublin-hate", "q4-quality")]
    public void A_targets_name_gives_its_owner_and_id(string name, string owner, string id)
    {
        Assert.True(TargetName.TryParse(name, out var parsed));
        Assert.Equal((owner, id), (parsed.Owner, parsed.TargetId));
        Assert.Equal(name, parsed.ToString());
    }

    [Theory]
    [InlineData("queues/hate-en/targets/accuracy")]
    [InlineData("specialists/aoife/targets/")]
    [InlineData("specialists/aoife/targets/Accuracy")]
    [InlineData("specialists/aoife")]
    [InlineData("")]
    public void Anything_else_is_not_a_targets_name(string name)
    {
        Assert.False(TargetName.TryParse(name, out _));
    }
}
