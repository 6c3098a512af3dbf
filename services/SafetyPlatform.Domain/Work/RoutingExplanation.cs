namespace SafetyPlatform.Domain.Work;

/// <summary>
/// Why a specialist gets what they get from one queue: the rule that keeps them from being
/// offered anything (with its reason), or the item they would be offered next and why it comes first.
/// </summary>
public sealed record RoutingExplanation(EligibilityVerdict Verdict, WorkItem? Next, string Why)
{
    public static RoutingExplanation Blocked(EligibilityVerdict verdict) => new(verdict, null, verdict.Reason);
}
