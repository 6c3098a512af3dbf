using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>A specialist's opt-out of one harm category: its status, and who moved it there, when and why.</summary>
public sealed record OptOut(HarmCategory Category, OptOutStatus Status, string Actor, string Reason, DateTimeOffset At);
