namespace SafetyPlatform.Domain.Security;

/// <summary>What the object rules answer: allowed, or refused (PERMISSION_DENIED) or not found (NOT_FOUND), with why.</summary>
public sealed record AccessVerdict(AccessOutcome Outcome, string Reason)
{
    public static readonly AccessVerdict Allowed = new(AccessOutcome.Allowed, string.Empty);

    public static AccessVerdict Denied(string reason) => new(AccessOutcome.Denied, reason);

    public static AccessVerdict NotFound(string reason) => new(AccessOutcome.NotFound, reason);

    public bool IsAllowed => Outcome == AccessOutcome.Allowed;
}
