using System.Collections.Immutable;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Api.Work.V1;
using SafetyPlatform.Grains.Work;
using Model = SafetyPlatform.Domain.Work;
using WorkItemSubmission = SafetyPlatform.Domain.Work.WorkItemSubmission;
using ModelRoster = SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Silo.Api;

/// <summary>Between the work API's messages and the grains' records.</summary>
public static class WorkMapping
{
    public static readonly TimeSpan DefaultReservationTimeout = TimeSpan.FromSeconds(60);
    public const int DefaultMaxBacklog = 100_000;

    public static string ItemName(string queueId, string itemId) => new WorkItemName(queueId, itemId).ToString();

    public static Queue ToProto(this QueueView view) => new()
    {
        Name = new QueueName(view.QueueId).ToString(),
        DisplayName = view.Settings.DisplayName,
        HarmCategory = (global::SafetyPlatform.Api.Type.V1.HarmCategory)view.Settings.HarmCategory,
        LanguageCodes = { view.Settings.Languages },
        Severity = (Severity)view.Settings.Severity,
        SlaPolicy = new SlaPolicy
        {
            P0 = Duration.FromTimeSpan(view.Settings.Sla.P0),
            P1 = Duration.FromTimeSpan(view.Settings.Sla.P1),
            P2 = Duration.FromTimeSpan(view.Settings.Sla.P2),
            P3 = Duration.FromTimeSpan(view.Settings.Sla.P3),
        },
        ReservationTimeout = Duration.FromTimeSpan(view.Settings.ReservationTimeout),
        MaxBacklog = view.Settings.MaxBacklog,
        ServingTeams = { view.Settings.ServingTeams.Select(t => new TeamName(t).ToString()) },
        MinimumProficiency = (MinimumProficiency)view.Settings.MinimumProficiency,
        EscalationQueue = view.Settings.EscalationQueue.Length > 0 ? new QueueName(view.Settings.EscalationQueue).ToString() : string.Empty,
        ExpectedHandleTime = Duration.FromTimeSpan(view.Settings.ExpectedHandleTime ?? Model.QueueRouting.DefaultExpectedHandleTime),
        AuditSampling = view.Settings.AuditSampling is { } sampling
            ? new AuditSampling
            {
                AuditQueue = new QueueName(sampling.AuditQueueId).ToString(),
                Share = sampling.Share,
                NewSpecialistShare = sampling.NewSpecialistShare,
                NewSpecialistDays = sampling.NewForDays,
                AccuracyThreshold = sampling.AccuracyThreshold,
                BelowThresholdShare = sampling.BelowThresholdShare,
            }
            : null,
        RequiredRole = (SafetyPlatform.Api.Roster.V1.Role)view.Settings.RequiredRole,
        Depth = view.Depth,
        InProgress = view.InProgress,
        WaitingSpecialists = view.WaitingSpecialists,
        CreateTime = Timestamp.FromDateTimeOffset(view.CreateTime),
        UpdateTime = Timestamp.FromDateTimeOffset(view.UpdateTime),
        Etag = view.Version.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Settings from a request; zero values take the documented defaults.</summary>
    public static QueueSettings ToSettings(this Queue queue, IEnumerable<string> servingTeamIds)
    {
        var sla = Model.SlaPolicy.Default;
        var given = queue.SlaPolicy;
        return new QueueSettings(
            queue.DisplayName,
            (ModelRoster.HarmCategory)queue.HarmCategory,
            [.. queue.LanguageCodes],
            (int)queue.Severity,
            new QueueSla(
                Or(given?.P0, sla.P0), Or(given?.P1, sla.P1), Or(given?.P2, sla.P2), Or(given?.P3, sla.P3)),
            Or(queue.ReservationTimeout, DefaultReservationTimeout),
            queue.MaxBacklog == 0 ? DefaultMaxBacklog : queue.MaxBacklog,
            [.. servingTeamIds],
            (ModelRoster.Proficiency)queue.MinimumProficiency,
            QueueName.TryParse(queue.EscalationQueue, out var escalation) ? escalation.QueueId : string.Empty,
            queue.ExpectedHandleTime is { } expected && ProtoTimes.AsTimeSpan(expected) is { } time && time > TimeSpan.Zero ? time : null,
            queue.AuditSampling is { } sampling && QueueName.TryParse(sampling.AuditQueue, out var auditQueue)
                ? new Domain.Quality.AuditSampling(auditQueue.QueueId, sampling.Share, sampling.NewSpecialistShare, sampling.NewSpecialistDays,
                    sampling.AccuracyThreshold, sampling.BelowThresholdShare)
                : null,
            (ModelRoster.FloorRole)queue.RequiredRole);
    }

    public static WorkItem ToProto(this WorkItemView view, bool withHistory = true)
    {
        var s = view.Submission;
        var proto = new WorkItem
        {
            Name = ItemName(view.QueueId, view.ItemId),
            Client = s.Client,
            Content = new ContentReference { ContentId = s.ContentId, Uri = s.ContentUri },
            HarmCategory = (global::SafetyPlatform.Api.Type.V1.HarmCategory)s.HarmCategory,
            Priority = (Priority)s.Priority,
            LanguageCode = s.Language,
            Deadline = Timestamp.FromDateTimeOffset(view.Deadline),
            Labels = { s.Labels },
            Status = (WorkItemStatus)view.Status,
            Holder = view.Holder.Length > 0 ? new SpecialistName(view.Holder).ToString() : string.Empty,
            ArriveTime = Timestamp.FromDateTimeOffset(view.Arrival),
            EscalatedTo = view.EscalatedTo.Length > 0 ? ItemName(view.EscalatedTo, view.ItemId) : string.Empty,
        };
        if (view.ReservationExpiry is { } expiry)
        {
            proto.ReservationExpireTime = Timestamp.FromDateTimeOffset(expiry);
        }

        if (view.Display is { } display)
        {
            proto.Display = display.ToProto();
        }

        if (view.Outcome is { } outcome)
        {
            proto.Outcome = new Outcome
            {
                Decision = outcome.Decision,
                Policy = outcome.Policy,
                Notes = outcome.Notes,
                HandleTime = Duration.FromTimeSpan(outcome.HandleTime),
                CompleteTime = Timestamp.FromDateTimeOffset(outcome.CompleteTime),
                Specialist = new SpecialistName(outcome.SpecialistId).ToString(),
            };
        }

        if (withHistory)
        {
            proto.History.AddRange(view.History.Select(e => new WorkItemEvent
            {
                Sequence = e.Sequence,
                FromStatus = (WorkItemStatus)e.From,
                ToStatus = (WorkItemStatus)e.To,
                EventTime = Timestamp.FromDateTimeOffset(e.At),
                Actor = e.Actor,
                Action = Model.WorkItemActionNames.Name(e.Action),
                Reason = e.Reason,
            }));
        }

        return proto;
    }

    public static QueueRoutingExplanation ToProto(this RoutingExplanationView view) => new()
    {
        Queue = new QueueName(view.QueueId).ToString(),
        BlockingRule = (EligibilityRule)view.Rule,
        Reason = view.Reason,
        NextWorkItem = view.Next?.ToProto(withHistory: false),
    };

    public static WorkItemSubmission ToSubmission(this WorkItem item, string requestId) => new(
        item.Client,
        requestId,
        item.Content?.ContentId ?? string.Empty,
        item.Content?.Uri ?? string.Empty,
        (ModelRoster.HarmCategory)item.HarmCategory,
        (Model.Priority)item.Priority,
        item.LanguageCode,
        item.Deadline?.ToDateTimeOffset(),
        item.Labels.ToImmutableDictionary());

    private static TimeSpan Or(Duration? value, TimeSpan fallback) =>
        value is null || value.ToTimeSpan() == TimeSpan.Zero ? fallback : value.ToTimeSpan();
}
