namespace SafetyPlatform.Domain.Targets;

/// <summary>
/// An operational target for a specialist or a team over a period of whole days on the team's
/// clock: a metric kept at least and/or at most a value (an occupancy target is a range).
/// </summary>
/// <param name="TargetId">Its id within its owner.</param>
/// <param name="Metric">What it measures.</param>
/// <param name="AtLeast">The lowest value that meets it; null: no floor.</param>
/// <param name="AtMost">The highest value that meets it; null: no ceiling.</param>
/// <param name="From">The period's first day.</param>
/// <param name="To">The period's last day (inclusive).</param>
public sealed record Target(string TargetId, TargetMetric Metric, double? AtLeast, double? AtMost, DateOnly From, DateOnly To)
{
    /// <summary>Whether <paramref name="value"/> meets the target.</summary>
    public bool Allows(double value) => (AtLeast is not { } floor || value >= floor) && (AtMost is not { } ceiling || value <= ceiling);

    /// <summary>Whether the period is over on <paramref name="today"/>.</summary>
    public bool HasEnded(DateOnly today) => today > To;

    /// <summary>Whether <paramref name="day"/> is in the period.</summary>
    public bool Covers(DateOnly day) => day >= From && day <= To;

    /// <summary>The bound as words, for an alert: "at least 0.95", "from 0.7 to 0.85".</summary>
    public string Bound => (AtLeast, AtMost) switch
    {
        ({ } floor, { } ceiling) => $"from {floor:0.###} to {ceiling:0.###}",
        ({ } floor, null) => $"at least {floor:0.###}",
        (null, { } ceiling) => $"at most {ceiling:0.###}",
        _ => "anything",
    };
}
