using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Work;

/// <summary>Whether a specialist is in a position to take work: active, in a working state, with slots taken so far.</summary>
public sealed record SpecialistAvailability(bool Deactivated, ActivityState State, int SlotsTaken, int MaxConcurrentItems);
