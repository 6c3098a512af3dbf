using System.Collections.Immutable;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Abstractions.Wellbeing;

/// <summary>A specialist's opt-outs (every status, by category) and restrictions (by category), as readers see them.</summary>
[GenerateSerializer, Immutable, Alias("safety.PersonalWellbeingView")]
public sealed record PersonalWellbeingView(
    [property: Id(0)] string SpecialistId,
    [property: Id(1)] ImmutableArray<OptOut> OptOuts,
    [property: Id(2)] ImmutableArray<CategoryRestriction> Restrictions)
{
    public PersonalWellbeing Wellbeing() => new(OptOuts.ToImmutableDictionary(o => o.Category), Restrictions.ToImmutableDictionary(r => r.Category));

    public static PersonalWellbeingView Of(string specialistId, PersonalWellbeing wellbeing) =>
        new(specialistId, [.. wellbeing.OptOuts.Values.OrderBy(o => o.Category)], [.. wellbeing.Restrictions.Values.OrderBy(r => r.Category)]);
}
