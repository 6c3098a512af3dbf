namespace SafetyPlatform.Domain.Work;

/// <summary>A specialist as routing sees them: who, which team, which skills.</summary>
public sealed record RoutingCandidate(string SpecialistId, string TeamId, SkillSet Skills);
