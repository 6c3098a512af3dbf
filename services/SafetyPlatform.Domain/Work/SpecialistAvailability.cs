using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Work;

/// <summary>Whether a specialist is in a position to take work: active, in a working state, with slots taken so far.</summary>
public sealed record SpecialistAvailability(bool Deactivated, ActivityState State, int SlotsTaken, int MaxConcurrentItems)
{
    /// <summary>Slots not taken by held items, offers or requests in flight (none when more are taken than allowed).</summary>
    public int FreeSlots => Math.Max(0, MaxConcurrentItems - SlotsTaken);

    /// <summary>
    /// Since when the specialist counts as idle for sharing out arriving items (longest idle first):
    /// time in AVAILABLE is idleness; one already HANDLING counts from now, after everyone idle.
    /// </summary>
    public static DateTimeOffset IdleSince(ActivityState state, DateTimeOffset stateStart, DateTimeOffset now) =>
        state == ActivityState.Available ? stateStart : now;
}
