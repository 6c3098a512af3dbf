using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>An item as wellbeing sees it: what harm it carries and how long it is expected to take (its queue's handle time).</summary>
public sealed record ItemExposure(HarmCategory Category, HarmSeverity Severity, TimeSpan ExpectedHandleTime)
{
    /// <summary>An item of <paramref name="category"/> at its default severity.</summary>
    public static ItemExposure Of(HarmCategory category, TimeSpan expectedHandleTime) =>
        new(category, HarmTaxonomy.SeverityOf(category), expectedHandleTime);
}
