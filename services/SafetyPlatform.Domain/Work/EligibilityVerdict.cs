namespace SafetyPlatform.Domain.Work;

/// <summary>The answer to "may this specialist be offered this?": eligible, or the rule that says no and why.</summary>
public sealed record EligibilityVerdict(EligibilityRule Rule, string Reason)
{
    public static EligibilityVerdict Eligible { get; } = new(EligibilityRule.None, string.Empty);

    public bool IsEligible => Rule == EligibilityRule.None;
}
