namespace SafetyPlatform.Domain.Work;

/// <summary>The SLA of a queue: how long an item of each priority may wait before it breaches.</summary>
public sealed record SlaPolicy(TimeSpan P0, TimeSpan P1, TimeSpan P2, TimeSpan P3)
{
    /// <summary>The floor's usual targets: P0 imminent risk 15 min, P1 1 h, P2 8 h, P3 24 h.</summary>
    public static SlaPolicy Default { get; } = new(TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(8), TimeSpan.FromHours(24));

    public TimeSpan For(Priority priority) => priority switch
    {
        Priority.P0 => P0,
        Priority.P1 => P1,
        Priority.P2 => P2,
        Priority.P3 => P3,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "no SLA for an unspecified priority"),
    };

    /// <summary>An explicit deadline wins; otherwise arrival plus the SLA of the item's priority.</summary>
    public DateTimeOffset DeadlineFor(Priority priority, DateTimeOffset arrival, DateTimeOffset? explicitDeadline) =>
        explicitDeadline ?? arrival + For(priority);
}
