using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Work;

/// <summary>Urgency of a work item; P0 is imminent risk to life.</summary>
public enum Priority
{
    Unspecified = 0,
    P0 = 1,
    P1 = 2,
    P2 = 3,
    P3 = 4,
}

/// <summary>Where a work item is in its life. Values match the public API's enum.</summary>
public enum WorkItemStatus
{
    Unspecified = 0,
    /// <summary>Waiting in a queue for a specialist.</summary>
    Queued = 1,
    /// <summary>Offered to one specialist, who must accept before the reservation expires.</summary>
    Reserved = 2,
    /// <summary>Accepted: one specialist is working on it.</summary>
    Handling = 3,
    /// <summary>Finished with an outcome.</summary>
    Completed = 4,
    /// <summary>Moved to another queue (escalation); the item lives on there.</summary>
    Escalated = 5,
}

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

/// <summary>What routing needs to know of a waiting item.</summary>
public readonly record struct BacklogEntry(Priority Priority, DateTimeOffset Deadline, DateTimeOffset Arrival, string ItemId);

/// <summary>
/// The order in which waiting items are offered: highest priority first (P0 before P3); within a
/// priority the one closest to breaching its deadline; then the oldest; then by id, so the order
/// is total and the same on every silo.
/// </summary>
public sealed class BacklogOrder : IComparer<BacklogEntry>
{
    public static BacklogOrder Instance { get; } = new();

    public int Compare(BacklogEntry x, BacklogEntry y)
    {
        var byPriority = x.Priority.CompareTo(y.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byDeadline = x.Deadline.CompareTo(y.Deadline);
        if (byDeadline != 0)
        {
            return byDeadline;
        }

        var byArrival = x.Arrival.CompareTo(y.Arrival);
        return byArrival != 0 ? byArrival : string.CompareOrdinal(x.ItemId, y.ItemId);
    }
}

/// <summary>What a queue asks of the specialists who may take its items.</summary>
public sealed record QueueRequirements(HarmCategory HarmCategory, IReadOnlyCollection<string> Languages, Proficiency MinimumProficiency);

/// <summary>A specialist's skills, as routing sees them.</summary>
public sealed record SkillSet(
    IReadOnlyDictionary<HarmCategory, Proficiency> PolicyAreas,
    IReadOnlyDictionary<string, Proficiency> Languages);

/// <summary>Who may take an item of a queue.</summary>
public static class Eligibility
{
    /// <summary>
    /// The specialist knows the queue's policy area, and the item's language (when the item has
    /// one), each at least at the queue's minimum proficiency (when it sets one).
    /// </summary>
    public static bool Fits(SkillSet skills, QueueRequirements queue, string? itemLanguage)
    {
        if (!skills.PolicyAreas.TryGetValue(queue.HarmCategory, out var area) || area < queue.MinimumProficiency)
        {
            return false;
        }

        if (string.IsNullOrEmpty(itemLanguage))
        {
            return true;
        }

        return skills.Languages.TryGetValue(itemLanguage, out var language) && language >= queue.MinimumProficiency
            || skills.Languages.TryGetValue(PrimaryLanguage(itemLanguage), out language) && language >= queue.MinimumProficiency;
    }

    /// <summary>Whether the specialist can take any item of the queue at all.</summary>
    public static bool ServesQueue(SkillSet skills, QueueRequirements queue) =>
        skills.PolicyAreas.TryGetValue(queue.HarmCategory, out var area) && area >= queue.MinimumProficiency &&
        (queue.Languages.Count == 0 || queue.Languages.Any(l => Fits(skills, queue, l)));

    /// <summary>Activity states in which a specialist takes new work, given free slots.</summary>
    public static bool CanTakeWork(ActivityState state, int heldItems, int maxConcurrentItems) =>
        (state == ActivityState.Available || state == ActivityState.Handling) && heldItems < maxConcurrentItems;

    private static string PrimaryLanguage(string tag) => tag.Split('-')[0];
}
