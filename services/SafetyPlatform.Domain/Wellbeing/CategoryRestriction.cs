using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>A lead's or the wellbeing team's restriction of a specialist from one harm category until a time.</summary>
public sealed record CategoryRestriction(HarmCategory Category, DateTimeOffset Until, string Actor, string Reason, DateTimeOffset At);
