using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Grains.Roster;

/// <summary>
/// Durable, append-only history of a specialist's activity transitions, kept outside the
/// specialist's grain state so that it can grow for years without hitting the size limit
/// of one storage row. The specialist's state records how many entries are committed;
/// an entry above that count is an unfinished write and is overwritten by the next one.
/// </summary>
public interface IActivityHistoryStore
{
    /// <summary>Writes (or overwrites) the entry at <see cref="ActivityTransitionRecord.Sequence"/>.</summary>
    Task Write(string specialistId, ActivityTransitionRecord record, CancellationToken cancellationToken = default);

    /// <summary>Entries with <paramref name="afterSequence"/> &lt; sequence ≤ <paramref name="upToSequence"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<ActivityTransitionRecord>> Read(string specialistId, long afterSequence, long upToSequence, int max, CancellationToken cancellationToken = default);
}
