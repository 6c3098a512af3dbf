using System.Collections.Immutable;
using SafetyPlatform.Domain.Quality;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Grains.Abstractions.Work;

/// <summary>SLA targets per priority.</summary>
[GenerateSerializer, Immutable, Alias("safety.QueueSla")]
public sealed record QueueSla(
    [property: Id(0)] TimeSpan P0,
    [property: Id(1)] TimeSpan P1,
    [property: Id(2)] TimeSpan P2,
    [property: Id(3)] TimeSpan P3)
{
    public SlaPolicy ToPolicy() => new(P0, P1, P2, P3);

    public static QueueSla From(SlaPolicy policy) => new(policy.P0, policy.P1, policy.P2, policy.P3);
}

/// <summary>The editable settings of a queue.</summary>
[GenerateSerializer, Immutable, Alias("safety.QueueSettings")]
public sealed record QueueSettings(
    [property: Id(0)] string DisplayName,
    [property: Id(1)] HarmCategory HarmCategory,
    [property: Id(2)] ImmutableArray<string> Languages,
    [property: Id(3)] int Severity,
    [property: Id(4)] QueueSla Sla,
    [property: Id(5)] TimeSpan ReservationTimeout,
    [property: Id(6)] int MaxBacklog,
    [property: Id(7)] ImmutableArray<string> ServingTeams,
    [property: Id(8)] Proficiency MinimumProficiency,
    [property: Id(9)] string EscalationQueue,
    [property: Id(10)] TimeSpan? ExpectedHandleTime = null,
    [property: Id(11)] AuditSampling? AuditSampling = null,
    [property: Id(12)] FloorRole RequiredRole = FloorRole.Unspecified)
{
    public QueueRequirements Requirements() => new(HarmCategory, Languages, MinimumProficiency, RequiredRole);

    public QueueRules Rules(string queueId) =>
        new(new QueueRouting(queueId, Requirements(), ServingTeams, ExpectedHandleTime), Sla.ToPolicy(), ReservationTimeout, MaxBacklog);
}

/// <summary>A queue as readers see it.</summary>
[GenerateSerializer, Immutable, Alias("safety.QueueView")]
public sealed record QueueView(
    [property: Id(0)] string QueueId,
    [property: Id(1)] QueueSettings Settings,
    [property: Id(2)] int Depth,
    [property: Id(3)] int InProgress,
    [property: Id(4)] DateTimeOffset CreateTime,
    [property: Id(5)] DateTimeOffset UpdateTime,
    [property: Id(6)] long Version,
    [property: Id(7)] int WaitingSpecialists);

/// <summary>A work item as readers see it; on an offer, with how the specialist offered it chose to see its harm category (<see cref="Display"/>).</summary>
[GenerateSerializer, Immutable, Alias("safety.WorkItemView")]
public sealed record WorkItemView(
    [property: Id(0)] string QueueId,
    [property: Id(1)] string ItemId,
    [property: Id(2)] WorkItemSubmission Submission,
    [property: Id(3)] WorkItemStatus Status,
    [property: Id(4)] string Holder,
    [property: Id(5)] DateTimeOffset? ReservationExpiry,
    [property: Id(6)] DateTimeOffset Arrival,
    [property: Id(7)] DateTimeOffset Deadline,
    [property: Id(8)] WorkOutcome? Outcome,
    [property: Id(9)] ImmutableArray<WorkItemEvent> History,
    [property: Id(10)] string EscalatedTo,
    [property: Id(11)] Domain.Wellbeing.DisplayPreference? Display = null);

/// <summary>The result of one enqueue of a batch: the item, or why not.</summary>
[GenerateSerializer, Immutable, Alias("safety.EnqueueOutcome")]
public sealed record EnqueueOutcome(
    [property: Id(0)] WorkItemView? Item,
    [property: Id(1)] SafetyErrorKind? Error,
    [property: Id(2)] string Message,
    [property: Id(3)] string Field);

/// <summary>What routing knows of a specialist asking for work, with where they stand against their team's wellbeing policy (null: not weighed).</summary>
[GenerateSerializer, Immutable, Alias("safety.RoutingProfile")]
public sealed record RoutingProfile(
    [property: Id(0)] string SpecialistId,
    [property: Id(1)] ImmutableDictionary<HarmCategory, Proficiency> PolicyAreas,
    [property: Id(2)] ImmutableDictionary<string, Proficiency> Languages,
    [property: Id(3)] string TeamId,
    [property: Id(4)] Domain.Wellbeing.WellbeingStanding? Wellbeing = null,
    [property: Id(5)] FloorRole Role = FloorRole.Specialist)
{
    public RoutingCandidate Candidate() => new(SpecialistId, TeamId, new SkillSet(PolicyAreas, Languages.WithComparers(StringComparer.OrdinalIgnoreCase)), Wellbeing, Role);
}

/// <summary>The best item a queue would offer a specialist, for comparing queues.</summary>
[GenerateSerializer, Immutable, Alias("safety.BacklogHead")]
public sealed record BacklogHead(
    [property: Id(0)] Priority Priority,
    [property: Id(1)] DateTimeOffset Deadline,
    [property: Id(2)] DateTimeOffset Arrival,
    [property: Id(3)] string ItemId)
{
    public BacklogEntry Entry() => new(Priority, Deadline, Arrival, ItemId);
}

/// <summary>One page of items.</summary>
[GenerateSerializer, Immutable, Alias("safety.WorkItemPage")]
public sealed record WorkItemPage(
    [property: Id(0)] ImmutableArray<WorkItemView> Items,
    [property: Id(1)] string NextKey);

/// <summary>A specialist's work in one queue: held items, offers, and today's completions.</summary>
[GenerateSerializer, Immutable, Alias("safety.SpecialistQueueWork")]
public sealed record SpecialistQueueWork(
    [property: Id(0)] ImmutableArray<WorkItemView> Held,
    [property: Id(1)] ImmutableArray<WorkItemView> Offers,
    [property: Id(2)] int HandledToday,
    [property: Id(3)] TimeSpan HandleTimeToday,
    [property: Id(4)] int EscalatedToday)
{
    /// <summary>A specialist's work in several queues, added up.</summary>
    public static SpecialistQueueWork Sum(IReadOnlyCollection<SpecialistQueueWork> parts) => new(
        [.. parts.SelectMany(p => p.Held)],
        [.. parts.SelectMany(p => p.Offers)],
        parts.Sum(p => p.HandledToday),
        parts.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.HandleTimeToday),
        parts.Sum(p => p.EscalatedToday));
}

/// <summary>What the queue directory knows of each queue, for routing.</summary>
[GenerateSerializer, Immutable, Alias("safety.QueueRoute")]
public sealed record QueueRoute(
    [property: Id(0)] string QueueId,
    [property: Id(1)] HarmCategory HarmCategory,
    [property: Id(2)] ImmutableArray<string> Languages,
    [property: Id(3)] Proficiency MinimumProficiency,
    [property: Id(4)] ImmutableArray<string> ServingTeams,
    [property: Id(5)] TimeSpan? ExpectedHandleTime = null,
    [property: Id(6)] FloorRole RequiredRole = FloorRole.Unspecified)
{
    public QueueRouting Routing() => new(QueueId, new QueueRequirements(HarmCategory, Languages, MinimumProficiency, RequiredRole), ServingTeams, ExpectedHandleTime);
}

/// <summary>One decided item in a client's outcome stream.</summary>
[GenerateSerializer, Immutable, Alias("safety.OutcomeNotice")]
public sealed record OutcomeNoticeRecord(
    [property: Id(0)] long Sequence,
    [property: Id(1)] WorkItemView Item);

/// <summary>Why a specialist would or would not be offered an item of one queue now.</summary>
[GenerateSerializer, Immutable, Alias("safety.RoutingExplanationView")]
public sealed record RoutingExplanationView(
    [property: Id(0)] string QueueId,
    [property: Id(1)] EligibilityRule Rule,
    [property: Id(2)] string Reason,
    [property: Id(3)] WorkItemView? Next);
