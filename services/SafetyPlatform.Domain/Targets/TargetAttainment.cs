using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Quality;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Targets;

/// <summary>
/// How a target stands: its metric over the days of its period so far (a specialist's days, or a
/// team's, which are its members' days summed), made from the sums of those days so that each
/// item, audit and minute weighs once (docs/METRICS.md, "Targets").
/// </summary>
/// <param name="Target">The target.</param>
/// <param name="Value">The metric over the period so far; null when there is nothing to measure.</param>
/// <param name="Status">On track, off track, met, missed, or not measured.</param>
public sealed record TargetAttainment(Target Target, double? Value, TargetStatus Status)
{
    /// <summary>The target's attainment from <paramref name="days"/> (any days: those outside its period are left out) on <paramref name="today"/>.</summary>
    public static TargetAttainment Of(Target target, IEnumerable<DayTotals> days, DateOnly today)
    {
        var counted = days.Where(d => target.Covers(d.Day)).ToList();
        var value = Measure(target.Metric, counted);
        var ended = target.HasEnded(today);
        var status = value is not { } measured ? TargetStatus.NotMeasured
            : target.Allows(measured) ? (ended ? TargetStatus.Met : TargetStatus.OnTrack)
            : (ended ? TargetStatus.Missed : TargetStatus.OffTrack);
        return new TargetAttainment(target, value, status);
    }

    /// <summary>The metric over <paramref name="days"/>, from their sums; null with nothing to divide by.</summary>
    public static double? Measure(TargetMetric metric, IReadOnlyCollection<DayTotals> days)
    {
        var handled = days.Sum(d => d.Handled);
        var quality = QualityTally.Sum(days.Select(d => d.Quality));
        var loggedIn = days.Aggregate(TimeSpan.Zero, (sum, d) => sum + d.LoggedIn);
        return metric switch
        {
            TargetMetric.SlaAttainment => handled == 0 ? null : (double)days.Sum(d => d.CompletedWithinSla) / handled,
            TargetMetric.Accuracy => quality.Accuracy,
            TargetMetric.Quality => quality.Quality,
            TargetMetric.AverageHandleTime => handled == 0 ? null : days.Aggregate(TimeSpan.Zero, (sum, d) => sum + d.HandleTime).TotalSeconds / handled,
            TargetMetric.Occupancy => loggedIn <= TimeSpan.Zero ? null : days.Aggregate(TimeSpan.Zero, (sum, d) => sum + d.In(ActivityState.Handling)) / loggedIn,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "not a metric"),
        };
    }

    /// <summary>
    /// The alert for a target whose period ended outside it, for the team lead's alerts stream;
    /// null for any other. Raised once: the owner of the target remembers it did.
    /// </summary>
    public AlertCondition? MissedAlert(string subject) => Status == TargetStatus.Missed
        ? new AlertCondition(AlertKind.TargetMissed, subject, Value!.Value, Target.AtLeast ?? Target.AtMost ?? 0,
            $"{subject} missed: {Target.Metric} was {Value:0.###} over {Target.From:yyyy-MM-dd}..{Target.To:yyyy-MM-dd}, the target {Target.Bound}")
        : null;
}
