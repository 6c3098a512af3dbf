namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>Whether an item may be offered to a specialist as far as their wellbeing goes; if not, the rule and why, in words a lead reads.</summary>
public sealed record WellbeingVerdict(WellbeingRule Rule, string Reason)
{
    public static WellbeingVerdict Allowed { get; } = new(WellbeingRule.None, string.Empty);

    public bool IsAllowed => Rule == WellbeingRule.None;
}
