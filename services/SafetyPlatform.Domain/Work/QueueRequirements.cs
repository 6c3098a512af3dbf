using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Work;

/// <summary>What a queue asks of the specialists who may take its items: a skill, languages, and, for audit work, a role (<see cref="FloorRole.Unspecified"/>: any).</summary>
public sealed record QueueRequirements(
    HarmCategory HarmCategory,
    IReadOnlyCollection<string> Languages,
    Proficiency MinimumProficiency,
    FloorRole RequiredRole = FloorRole.Unspecified);
