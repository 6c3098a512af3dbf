using SafetyPlatform.Api.Performance.V1;
using SafetyPlatform.Domain.Naming;

namespace SafetyPlatform.Silo.Api;

/// <summary>What makes a quality request valid, field by field (docs/METRICS.md, "Quality").</summary>
public static class PerformanceRequestRules
{
    public const int MaxNotes = 2000;

    public const int MaxDecision = 100;

    /// <summary>An audit as submitted: an auditor who is a person or a tool, a score 0–100, and on a disagreement what is right and what was wrong.</summary>
    public static FieldCheck AuditFields(this FieldCheck check, Audit? audit)
    {
        if (audit is null)
        {
            return check.Require(false, "audit", "is required");
        }

        return check
            .Require(SpecialistName.TryParse(audit.Auditor, out _) || ClientName.TryParse(audit.Auditor, out _), "audit.auditor",
                "is required: specialists/{specialist} for a person, clients/{client} for a tool")
            .Require(audit.Score is >= 0 and <= Domain.Quality.AuditVerdict.MaxScore, "audit.score", "must be from 0 to 100")
            .Require(audit.ErrorCategory != AuditErrorCategory.Unspecified && Enum.IsDefined(audit.ErrorCategory), "audit.error_category",
                "is required: AUDIT_ERROR_CATEGORY_NONE when nothing was wrong")
            .Require(audit.Agrees || audit.ErrorCategory != AuditErrorCategory.None, "audit.error_category", "must say what was wrong when the auditor does not agree")
            .Require(audit.Agrees || audit.CorrectedDecision.Trim().Length > 0, "audit.corrected_decision", "is required when the auditor does not agree")
            .Require(audit.CorrectedDecision.Length <= MaxDecision, "audit.corrected_decision", $"must be at most {MaxDecision} characters")
            .Require(audit.Notes.Length <= MaxNotes, "audit.notes", $"must be at most {MaxNotes} characters");
    }
}
