using SafetyPlatform.Api.Performance.V1;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Domain.Targets;
using DomainTarget = SafetyPlatform.Domain.Targets.Target;
using Target = SafetyPlatform.Api.Performance.V1.Target;
using TargetMetric = SafetyPlatform.Api.Performance.V1.TargetMetric;

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
        check.Require(SpecialistName.TryParse(auditor, out _) || PersonName.TryParse(auditor, out _) || ClientName.TryParse(auditor, out _), field,
            "is required: specialists/{specialist} or people/{person} for a person, clients/{client} for a tool");

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

    /// <summary>`specialists/{specialist}/targets/{target}` or `teams/{team}/targets/{target}`.</summary>
    public static FieldCheck TargetName(this FieldCheck check, string name, out TargetName parsed) =>
        check.Require(Domain.Naming.TargetName.TryParse(name, out parsed), "name",
            "must be a target's name, specialists/{specialist}/targets/{target} or teams/{team}/targets/{target}");

    /// <summary>
    /// A new target: a metric, at least one bound on the metric's scale (a floor not above a
    /// ceiling), and a period of whole days, `YYYY-MM-DD`, of at most a year. The id is the
    /// request's, set by the caller.
    /// </summary>
    public static FieldCheck TargetFields(this FieldCheck check, Target? target, out DomainTarget? parsed)
    {
        parsed = null;
        if (target is null)
        {
            return check.Require(false, "target", "is required");
        }

        var metricKnown = target.Metric != TargetMetric.Unspecified && Enum.IsDefined(target.Metric);
        var metric = (Domain.Targets.TargetMetric)(int)target.Metric;
        double? atLeast = target.HasAtLeast ? target.AtLeast : null;
        double? atMost = target.HasAtMost ? target.AtMost : null;
        var scale = metricKnown && TargetScale.Of(metric) is var (lowest, highest)
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"must be from {lowest} to {highest} for {metric}")
            : string.Empty;
        check.Require(metricKnown, "target.metric", "is required: SLA attainment, accuracy, quality, average handle time or occupancy")
            .Require(atLeast is not null || atMost is not null, "target.at_least", "or target.at_most is required")
            .Require(!metricKnown || atLeast is not { } floor || TargetScale.Holds(metric, floor), "target.at_least", scale)
            .Require(!metricKnown || atMost is not { } ceiling || TargetScale.Holds(metric, ceiling), "target.at_most", scale)
            .Require(atLeast is not { } low || atMost is not { } high || low <= high, "target.at_least", "must not be above target.at_most")
            .Require(HistoryDays.TryParseDay(target.StartDate, out var from) && from is not null, "target.start_date", "is required: a date `YYYY-MM-DD`")
            .Require(HistoryDays.TryParseDay(target.EndDate, out var to) && to is not null, "target.end_date", "is required: a date `YYYY-MM-DD`")
            .Require(from is not { } start || to is not { } end || TargetScale.IsPeriod(start, end), "target.end_date",
                $"must not be before target.start_date, and the period at most {TargetScale.MaxPeriodDays} days");
        if (check.IsValid)
        {
            parsed = new DomainTarget(string.Empty, metric, atLeast, atMost, from!.Value, to!.Value);
        }

        return check;
    }
}
