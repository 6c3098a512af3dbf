using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>
/// How a specialist's review tool is to show content of one harm category (docs/WELLBEING.md,
/// "Display preferences"): blur, greyscale, muted sound, and a warning screen before it. Filters
/// do not reduce distress (Lewitzka et al. 2026), so they never replace limits; they are what
/// a person chose, kept per person.
/// </summary>
public sealed record DisplayPreference(BlurLevel Blur, bool Greyscale, bool Muted, bool WarningScreen)
{
    /// <summary>Shown as it is.</summary>
    public static DisplayPreference Plain { get; } = new(BlurLevel.None, false, false, false);

    /// <summary>The platform's default for a category of <paramref name="severity"/>: the more harmful, the more held back until the specialist chooses to look.</summary>
    public static DisplayPreference DefaultFor(HarmSeverity severity) => severity switch
    {
        HarmSeverity.Critical or HarmSeverity.High => new(BlurLevel.Strong, Greyscale: true, Muted: true, WarningScreen: true),
        HarmSeverity.Medium => new(BlurLevel.Light, Greyscale: false, Muted: true, WarningScreen: true),
        _ => Plain,
    };

    /// <summary>
    /// What applies to <paramref name="category"/>: the specialist's own choice, else their team's
    /// default for it, else the platform's default for its severity.
    /// </summary>
    public static DisplayPreference For(HarmCategory category, IReadOnlyDictionary<HarmCategory, DisplayPreference> personal, IReadOnlyDictionary<HarmCategory, DisplayPreference> team) =>
        personal.GetValueOrDefault(category) ?? team.GetValueOrDefault(category) ?? DefaultFor(HarmTaxonomy.SeverityOf(category));
}
