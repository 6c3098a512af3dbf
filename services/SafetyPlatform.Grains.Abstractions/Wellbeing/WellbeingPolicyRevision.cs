using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Abstractions.Wellbeing;

/// <summary>One change of a team's wellbeing policy, kept for audit: the policy it made, who made it, when and why.</summary>
[GenerateSerializer, Immutable, Alias("safety.WellbeingPolicyRevision")]
public sealed record WellbeingPolicyRevision(
    [property: Id(0)] long Revision,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Reason,
    [property: Id(4)] WellbeingPolicy Policy);
