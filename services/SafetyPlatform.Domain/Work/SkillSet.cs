using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Work;

/// <summary>A specialist's skills, as routing sees them.</summary>
public sealed record SkillSet(
    IReadOnlyDictionary<HarmCategory, Proficiency> PolicyAreas,
    IReadOnlyDictionary<string, Proficiency> Languages)
{
    /// <summary>
    /// How well the specialist reads <paramref name="languageTag"/>: the tag itself (`pt-BR`) or,
    /// failing that, its primary language (`pt`); Unspecified when neither.
    /// </summary>
    public Proficiency ReadingOf(string languageTag)
    {
        if (Languages.TryGetValue(languageTag, out var exact))
        {
            return exact;
        }

        var dash = languageTag.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && Languages.TryGetValue(languageTag[..dash], out var primary) ? primary : Proficiency.Unspecified;
    }
}
