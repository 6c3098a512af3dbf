namespace SafetyPlatform.Domain.Quality;

/// <summary>An auditor's verdict on one completed item.</summary>
/// <param name="Agrees">Whether the auditor agrees with the specialist's decision.</param>
/// <param name="CorrectedDecision">The decision the auditor would have made; required when they disagree.</param>
/// <param name="Score">How good the handling was, 0–100.</param>
/// <param name="ErrorCategory">What was wrong; required when they disagree.</param>
/// <param name="Notes">Free text for the specialist and their lead.</param>
public sealed record AuditVerdict(bool Agrees, string CorrectedDecision, int Score, AuditErrorCategory ErrorCategory, string Notes)
{
    public const int MaxScore = 100;
}
