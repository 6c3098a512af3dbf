namespace SafetyPlatform.Grains.Roster;

/// <summary>
/// Durable storage of one specialist: the current state and the activity history, side by side
/// in one partition so that a state change and its history entry are written in one
/// transaction (one round trip, all or nothing), and the history can grow for years without
/// hitting the size limit of one storage row.
/// </summary>
public interface ISpecialistStore
{
    /// <summary>The stored state and its version tag, or (null, null) when never written.</summary>
    Task<(SpecialistState? State, string? ETag)> Load(string specialistId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the state, and the transition when there is one, atomically. <paramref name="etag"/>
    /// must match the stored version (null: the specialist must not exist yet). Returns the new tag.
    /// </summary>
    Task<string> Save(string specialistId, SpecialistState state, ActivityTransitionRecord? transition, string? etag, CancellationToken cancellationToken = default);

    /// <summary>Transitions with <paramref name="afterSequence"/> &lt; sequence ≤ <paramref name="upToSequence"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<ActivityTransitionRecord>> ReadHistory(string specialistId, long afterSequence, long upToSequence, int max, CancellationToken cancellationToken = default);
}
