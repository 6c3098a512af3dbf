using SafetyPlatform.Api.Performance.V1;
using SafetyPlatform.Domain.Naming;

namespace SafetyPlatform.Silo.Api;

/// <summary>What makes a quality request valid, field by field (docs/METRICS.md, "Quality").</summary>
public static class PerformanceRequestRules
{
    public const int MaxNotes = 2000;

    public const int MaxDecision = 100;

    public const int MaxCalibrationItems = 200;

    public const int MaxCalibrationAuditors = 20;

    /// <summary>A new calibration session: an id, a name, two or more distinct auditors, one or more distinct work items.</summary>
    public static FieldCheck CalibrationFields(this FieldCheck check, string sessionId, CalibrationSession? session)
    {
        check.Require(ResourceIds.IsValidId(sessionId), "calibration_session_id", "must be 1 to 63 lowercase letters, digits and hyphens, starting with a letter");
        if (session is null)
        {
            return check.Require(false, "calibration_session", "is required");
        }

        check.Text(session.DisplayName, TextRules.MaxDisplayName, "calibration_session.display_name", required: true)
            .Require(session.Auditors.Count is >= 2 and <= MaxCalibrationAuditors, "calibration_session.auditors", $"must name 2 to {MaxCalibrationAuditors} auditors")
            .Require(session.Items.Count is >= 1 and <= MaxCalibrationItems, "calibration_session.items", $"must name 1 to {MaxCalibrationItems} work items");
        for (var i = 0; i < session.Auditors.Count; i++)
        {
            check.Auditor(session.Auditors[i], $"calibration_session.auditors[{i}]")
                .Require(session.Auditors.Take(i).All(a => a != session.Auditors[i]), $"calibration_session.auditors[{i}]", "is named twice");
        }

        for (var i = 0; i < session.Items.Count; i++)
        {
            check.Require(WorkItemName.TryParse(session.Items[i].Item, out _), $"calibration_session.items[{i}].item", "must be a work item's name, queues/{queue}/workItems/{item}")
                .Require(session.Items.Take(i).All(x => x.Item != session.Items[i].Item), $"calibration_session.items[{i}].item", "is named twice");
        }

        return check;
    }

    /// <summary>Who audits: a person or a tool.</summary>
    public static FieldCheck Auditor(this FieldCheck check, string auditor, string field) =>
        check.Require(SpecialistName.TryParse(auditor, out _) || ClientName.TryParse(auditor, out _), field,
            "is required: specialists/{specialist} for a person, clients/{client} for a tool");

    /// <summary>An audit as submitted: an auditor who is a person or a tool, a score 0–100, and on a disagreement what is right and what was wrong.</summary>
    public static FieldCheck AuditFields(this FieldCheck check, Audit? audit, string field = "audit")
    {
        if (audit is null)
        {
            return check.Require(false, field, "is required");
        }

        return check
            .Auditor(audit.Auditor, field + ".auditor")
            .Require(audit.Score is >= 0 and <= Domain.Quality.AuditVerdict.MaxScore, field + ".score", "must be from 0 to 100")
            .Require(audit.ErrorCategory != AuditErrorCategory.Unspecified && Enum.IsDefined(audit.ErrorCategory), field + ".error_category",
                "is required: AUDIT_ERROR_CATEGORY_NONE when nothing was wrong")
            .Require(audit.Agrees || audit.ErrorCategory != AuditErrorCategory.None, field + ".error_category", "must say what was wrong when the auditor does not agree")
            .Require(audit.Agrees || audit.CorrectedDecision.Trim().Length > 0, field + ".corrected_decision", "is required when the auditor does not agree")
            .Require(audit.CorrectedDecision.Length <= MaxDecision, field + ".corrected_decision", $"must be at most {MaxDecision} characters")
            .Require(audit.Notes.Length <= MaxNotes, field + ".notes", $"must be at most {MaxNotes} characters");
    }
}
