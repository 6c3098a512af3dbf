using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Domain.Work;

/// <summary>
/// A specialist as routing sees them: who, which team, which skills, and where they stand
/// against their team's wellbeing policy (null where wellbeing is not weighed), and their role.
/// </summary>
public sealed record RoutingCandidate(string SpecialistId, string TeamId, SkillSet Skills, WellbeingStanding? Wellbeing = null, FloorRole Role = FloorRole.Specialist);
