using System.Collections.Immutable;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Abstractions.Wellbeing;

/// <summary>A specialist's opt-outs (every status, by category), restrictions and display choices (by category), as readers see them.</summary>
[GenerateSerializer, Immutable, Alias("safety.PersonalWellbeingView")]
public sealed record PersonalWellbeingView(
    [property: Id(0)] string SpecialistId,
    [property: Id(1)] ImmutableArray<OptOut> OptOuts,
    [property: Id(2)] ImmutableArray<CategoryRestriction> Restrictions,
    [property: Id(3)] ImmutableDictionary<HarmCategory, DisplayPreference> Display)
{
    public PersonalWellbeing Wellbeing() => new(OptOuts.ToImmutableDictionary(o => o.Category), Restrictions.ToImmutableDictionary(r => r.Category), Display);

    public static PersonalWellbeingView Of(string specialistId, PersonalWellbeing wellbeing) =>
        new(specialistId, [.. wellbeing.OptOuts.Values.OrderBy(o => o.Category)], [.. wellbeing.Restrictions.Values.OrderBy(r => r.Category)], wellbeing.Display);
}
