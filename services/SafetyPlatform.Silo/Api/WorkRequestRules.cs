using Google.Protobuf.WellKnownTypes;
using SafetyPlatform.Api.Work.V1;
using SafetyPlatform.Domain.Naming;
using HarmCategory = SafetyPlatform.Api.Type.V1.HarmCategory;

namespace SafetyPlatform.Silo.Api;

/// <summary>Field-by-field checks of work requests.</summary>
public static class WorkRequestRules
{
    public const int MaxBatch = 500;
    public const int MaxLabels = 20;
    public const int MaxLabelText = 100;
    public const int MaxClient = 100;
    public const int MaxContentId = 200;
    public const int MaxUri = 2000;
    public const int MaxNotes = 2000;

    public static FieldCheck ItemName(this FieldCheck check, string value, string field, out string queueId, out string itemId)
    {
        var ok = WorkItemName.TryParse(value, out var name);
        queueId = name.QueueId ?? string.Empty;
        itemId = name.ItemId ?? string.Empty;

        return check.Require(ok, field, "must be `queues/{queue}/workItems/{work_item}`");
    }

    /// <summary>An item and the specialist acting on it, as most routing calls name them.</summary>
    public static FieldCheck ItemAndSpecialist(this FieldCheck check, string item, string specialist,
        out string queueId, out string itemId, out string specialistId) =>
        check.ItemName(item, "name", out queueId, out itemId).Name(specialist, Collections.Specialists, "specialist", out specialistId);

    /// <summary>A submitting client's id: 1 to 100 printable characters without spaces.</summary>
    public static FieldCheck ClientId(this FieldCheck check, string client, string field) =>
        check.Require(client.Length <= MaxClient && TextRules.IsRequestId(client), field,
            $"is required: 1 to {MaxClient} printable characters without spaces");

    /// <summary>
    /// The named <paramref name="fields"/> of a queue in a create or an update; <paramref name="queueName"/>
    /// is the queue's own name (`queues/` alone for a create with a generated id): its audit queue must be another.
    /// </summary>
    public static FieldCheck QueueFields(this FieldCheck check, Queue q, IReadOnlyCollection<string> fields, string queueName)
    {
        if (fields.Contains("display_name"))
        {
            check.Text(q.DisplayName, TextRules.MaxDisplayName, "queue.display_name", required: true);
        }

        if (fields.Contains("harm_category"))
        {
            check.Require(q.HarmCategory != HarmCategory.Unspecified && System.Enum.IsDefined(q.HarmCategory),
                "queue.harm_category", "must be a known harm category");
        }

        if (fields.Contains("language_codes"))
        {
            check.Require(q.LanguageCodes.Count <= TextRules.MaxSkills, "queue.language_codes", $"at most {TextRules.MaxSkills} languages");
            for (var i = 0; i < q.LanguageCodes.Count; i++)
            {
                check.Require(TextRules.IsLanguageTag(q.LanguageCodes[i]), $"queue.language_codes[{i}]", "must be a BCP-47 tag such as `en`");
            }
        }

        if (fields.Contains("severity"))
        {
            check.Require(System.Enum.IsDefined(q.Severity), "queue.severity", "must be a known severity");
        }

        if (fields.Contains("sla_policy") && q.SlaPolicy is { } sla)
        {
            check.SlaTarget(sla.P0, "queue.sla_policy.p0").SlaTarget(sla.P1, "queue.sla_policy.p1")
                .SlaTarget(sla.P2, "queue.sla_policy.p2").SlaTarget(sla.P3, "queue.sla_policy.p3");
        }

        if (fields.Contains("reservation_timeout") && q.ReservationTimeout is { } timeout)
        {
            check.Require(ProtoTimes.AsTimeSpan(timeout) is { } t && (t == TimeSpan.Zero || t >= TimeSpan.FromSeconds(5) && t <= TimeSpan.FromHours(1)),
                "queue.reservation_timeout", "must be between 5 s and 1 h");
        }

        if (fields.Contains("expected_handle_time") && q.ExpectedHandleTime is { } expected)
        {
            check.Require(ProtoTimes.AsTimeSpan(expected) is { } t && (t == TimeSpan.Zero || t >= TimeSpan.FromSeconds(1) && t <= TimeSpan.FromHours(8)),
                "queue.expected_handle_time", "must be between 1 s and 8 h");
        }

        if (fields.Contains("max_backlog"))
        {
            check.Require(q.MaxBacklog >= 0 && q.MaxBacklog <= 1_000_000, "queue.max_backlog", "must be between 1 and 1000000");
        }

        if (fields.Contains("serving_teams"))
        {
            check.Require(q.ServingTeams.Count <= 100, "queue.serving_teams", "at most 100 teams");
            for (var i = 0; i < q.ServingTeams.Count; i++)
            {
                check.Name(q.ServingTeams[i], Collections.Teams, $"queue.serving_teams[{i}]", out _);
            }
        }

        if (fields.Contains("escalation_queue"))
        {
            check.Require(q.EscalationQueue.Length == 0 || ResourceIds.TryParse(q.EscalationQueue, "queues", out _),
                "queue.escalation_queue", "must be empty or `queues/{queue}`");
        }

        if (fields.Contains("minimum_proficiency"))
        {
            check.Require(System.Enum.IsDefined(q.MinimumProficiency), "queue.minimum_proficiency", "must be a known proficiency");
        }

        if (fields.Contains("required_role"))
        {
            check.Require(System.Enum.IsDefined(q.RequiredRole), "queue.required_role", "must be a known role, or ROLE_UNSPECIFIED for any");
        }

        if (fields.Contains("audit_sampling") && q.AuditSampling is { } sampling)
        {
            check.Require(ResourceIds.TryParse(sampling.AuditQueue, "queues", out var auditQueue) && sampling.AuditQueue != queueName,
                    "queue.audit_sampling.audit_queue", "is required: `queues/{queue}`, another queue")
                .Share(sampling.Share, "queue.audit_sampling.share")
                .Share(sampling.NewSpecialistShare, "queue.audit_sampling.new_specialist_share")
                .Require(sampling.NewSpecialistDays is >= 0 and <= 365, "queue.audit_sampling.new_specialist_days", "must be from 0 to 365 days")
                .Share(sampling.AccuracyThreshold, "queue.audit_sampling.accuracy_threshold")
                .Share(sampling.BelowThresholdShare, "queue.audit_sampling.below_threshold_share");
        }

        return check;
    }

    private static FieldCheck Share(this FieldCheck check, double share, string field) =>
        check.Require(share is >= 0 and <= 1, field, "must be from 0 to 1");

    /// <summary>Checks one enqueue; <paramref name="prefix"/> is empty for a single request, `requests[i].` in a batch.</summary>
    public static FieldCheck Enqueue(this FieldCheck check, EnqueueWorkItemRequest request, DateTimeOffset now, string prefix = "")
    {
        var item = request.WorkItem;
        check.Require(TextRules.IsRequestId(request.RequestId), prefix + "request_id",
            $"is required: 1 to {TextRules.MaxRequestId} printable characters without spaces");
        if (item is null)
        {
            return check.Require(false, prefix + "work_item", "is required");
        }

        var p = prefix + "work_item.";
        check.ClientId(item.Client, p + "client");
        check.Require(item.Content is not null, p + "content", "is required");
        if (item.Content is { } content)
        {
            check.Text(content.ContentId, MaxContentId, p + "content.content_id", required: true);
            check.Require(content.Uri.Length == 0 || content.Uri.Length <= MaxUri && Uri.TryCreate(content.Uri, UriKind.Absolute, out _),
                p + "content.uri", $"must be an absolute URI of at most {MaxUri} characters");
        }

        check.Require(item.HarmCategory != HarmCategory.Unspecified && System.Enum.IsDefined(item.HarmCategory),
            p + "harm_category", "is required: a known harm category");
        check.Require(item.Priority != Priority.Unspecified && System.Enum.IsDefined(item.Priority),
            p + "priority", "is required: PRIORITY_P0 to PRIORITY_P3");
        check.Require(item.LanguageCode.Length == 0 || TextRules.IsLanguageTag(item.LanguageCode),
            p + "language_code", "must be a BCP-47 tag such as `en`");
        check.Require(item.Deadline is null || item.Deadline.ToDateTimeOffset() > now, p + "deadline", "must be in the future");
        check.Require(item.Labels.Count <= MaxLabels, p + "labels", $"at most {MaxLabels} labels");
        check.Require(item.Labels.All(l => l.Key.Length is > 0 and <= MaxLabelText && l.Value.Length <= MaxLabelText &&
                                            TextRules.IsCleanText(l.Key, MaxLabelText) && TextRules.IsCleanText(l.Value, MaxLabelText)),
            p + "labels", $"keys 1 to {MaxLabelText} characters, values at most {MaxLabelText}");
        return check;
    }

    private static FieldCheck SlaTarget(this FieldCheck check, Duration? target, string field) =>
        check.Require(target is null || target.ToTimeSpan() >= TimeSpan.Zero && target.ToTimeSpan() <= TimeSpan.FromDays(30),
            field, "must be between 0 (default) and 30 days");

    public static readonly IReadOnlyList<string> CreateQueueFields =
        ["display_name", "harm_category", "language_codes", "severity", "sla_policy", "reservation_timeout", "max_backlog", "serving_teams", "minimum_proficiency", "escalation_queue", "expected_handle_time", "audit_sampling", "required_role"];

    public static bool IsSet(Queue q, string field) => field switch
    {
        "display_name" => q.DisplayName.Length > 0,
        "sla_policy" => q.SlaPolicy is not null,
        "reservation_timeout" => q.ReservationTimeout is not null,
        "max_backlog" => q.MaxBacklog != 0,
        "serving_teams" => q.ServingTeams.Count > 0,
        "minimum_proficiency" => q.MinimumProficiency != MinimumProficiency.Unspecified,
        "severity" => q.Severity != Severity.Unspecified,
        "language_codes" => q.LanguageCodes.Count > 0,
        "escalation_queue" => q.EscalationQueue.Length > 0,
        "expected_handle_time" => q.ExpectedHandleTime is not null,
        "audit_sampling" => q.AuditSampling is not null,
        "required_role" => q.RequiredRole != SafetyPlatform.Api.Roster.V1.Role.Unspecified,
        _ => false,
    };
}
