using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Wellbeing;

/// <summary>A specialist's opt-outs and restrictions as stored (JSON: plain lists). Never rename the properties.</summary>
[GenerateSerializer, Alias("safety.SpecialistWellbeingState")]
public sealed class SpecialistWellbeingState
{
    [Id(0)] public List<OptOut> OptOuts { get; set; } = [];

    [Id(1)] public List<CategoryRestriction> Restrictions { get; set; } = [];

    [Id(2)] public Dictionary<HarmCategory, DisplayPreference> Display { get; set; } = [];
}
