using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Abstractions.Wellbeing;

/// <summary>
/// A team's wellbeing policy as in force: the defaults (<see cref="IsDefault"/>, revision 0) until
/// someone sets one; each change a new revision, with who made it and when.
/// </summary>
[GenerateSerializer, Immutable, Alias("safety.WellbeingPolicyView")]
public sealed record WellbeingPolicyView(
    [property: Id(0)] string TeamId,
    [property: Id(1)] WellbeingPolicy Policy,
    [property: Id(2)] long Revision,
    [property: Id(3)] DateTimeOffset? UpdateTime,
    [property: Id(4)] string UpdatedBy)
{
    public bool IsDefault => Revision == 0;
}
