using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>
/// The default severity of each harm category (PRODUCT.md's taxonomy), what counts as high harm,
/// and the weight a minute of each severity carries in the weighted exposure
/// (docs/WELLBEING.md, "The ledger").
/// </summary>
public static class HarmTaxonomy
{
    public static HarmSeverity SeverityOf(HarmCategory category) => category switch
    {
        HarmCategory.ChildSafety or HarmCategory.ViolentExtremism => HarmSeverity.Critical,
        HarmCategory.SuicideSelfHarm or HarmCategory.ViolentGraphic or HarmCategory.AnimalCruelty => HarmSeverity.High,
        HarmCategory.HateSpeech or HarmCategory.HarassmentBullying or HarmCategory.AdultSexual or HarmCategory.DangerousActs => HarmSeverity.Medium,
        HarmCategory.Misinformation or HarmCategory.SpamScams => HarmSeverity.Low,
        _ => HarmSeverity.None,
    };

    /// <summary>High-harm work: the cut-off, rotation, wellness-break and consecutive-item rules apply to it.</summary>
    public static bool IsHighHarm(HarmSeverity severity) => severity >= HarmSeverity.High;

    /// <summary>Harmful content at all: micro-breaks apply to it.</summary>
    public static bool IsHarmful(HarmSeverity severity) => severity >= HarmSeverity.Medium;

    /// <summary>A minute of critical content weighs 2, high 1.5, medium 1, low 0.5, none 0.</summary>
    public static double Weight(HarmSeverity severity) => severity switch
    {
        HarmSeverity.Critical => 2.0,
        HarmSeverity.High => 1.5,
        HarmSeverity.Medium => 1.0,
        HarmSeverity.Low => 0.5,
        _ => 0.0,
    };
}
