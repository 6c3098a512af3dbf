namespace SafetyPlatform.Domain.Targets;

/// <summary>
/// The values a target's bounds may take, per metric: shares from 0 to 1, quality from 0 to 100,
/// handle time from 0 to a day in seconds; and how long a period may run.
/// </summary>
public static class TargetScale
{
    /// <summary>The longest period: a year, leap day included.</summary>
    public const int MaxPeriodDays = 366;

    /// <summary>The lowest and highest value <paramref name="metric"/> can take.</summary>
    public static (double Lowest, double Highest) Of(TargetMetric metric) => metric switch
    {
        TargetMetric.SlaAttainment or TargetMetric.Accuracy or TargetMetric.Occupancy => (0, 1),
        TargetMetric.Quality => (0, 100),
        TargetMetric.AverageHandleTime => (0, TimeSpan.FromDays(1).TotalSeconds),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "not a metric"),
    };

    /// <summary>Whether <paramref name="value"/> is on the metric's scale.</summary>
    public static bool Holds(TargetMetric metric, double value) =>
        Of(metric) is var (lowest, highest) && double.IsFinite(value) && value >= lowest && value <= highest;

    /// <summary>Whether a period from <paramref name="from"/> to <paramref name="to"/> (inclusive) runs forwards and no longer than <see cref="MaxPeriodDays"/>.</summary>
    public static bool IsPeriod(DateOnly from, DateOnly to) => to >= from && to.DayNumber - from.DayNumber < MaxPeriodDays;
}
