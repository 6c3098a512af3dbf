using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Work;

/// <summary>What a queue asks of the specialists who may take its items.</summary>
public sealed record QueueRequirements(HarmCategory HarmCategory, IReadOnlyCollection<string> Languages, Proficiency MinimumProficiency);
