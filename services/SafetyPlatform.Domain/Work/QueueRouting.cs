namespace SafetyPlatform.Domain.Work;

/// <summary>
/// A queue as routing sees it: what it asks of specialists, which teams serve it, and how long
/// its items are expected to take (the wellbeing rules count it; until the queue passes its
/// recent handle time, <see cref="DefaultExpectedHandleTime"/>).
/// </summary>
public sealed record QueueRouting(string QueueId, QueueRequirements Requirements, IReadOnlyCollection<string> ServingTeams, TimeSpan? ExpectedHandleTime = null)
{
    /// <summary>What an item is expected to take while the queue has no handle time of its own yet.</summary>
    public static readonly TimeSpan DefaultExpectedHandleTime = TimeSpan.FromMinutes(5);

    /// <summary>The handle time the wellbeing rules count for one of its items.</summary>
    public TimeSpan ExpectedHandleTimeOrDefault => ExpectedHandleTime ?? DefaultExpectedHandleTime;
}
