using System.Collections.Immutable;
using Orleans.Concurrency;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Work;
using SafetyPlatform.Grains.Abstractions.Monitoring;
using SafetyPlatform.Grains.Abstractions.Roster;

namespace SafetyPlatform.Grains.Abstractions.Work;

/// <summary>
/// A work queue and every item in it. The one authority on each item's status and holder,
/// so no item ever has two holders. Item changes are written in batches (group commit) and
/// each call returns only once its change is durable. Key: queue id.
/// </summary>
public interface IQueueGrain : IGrainWithStringKey
{
    Task<QueueView> Create(QueueSettings settings, string requestId);

    Task<QueueView> Get();

    Task<QueueView> Update(QueueSettings values, ImmutableArray<string> fields, string? etag);

    /// <summary>Adds an item; a repeat of (client, request id) returns the first item.</summary>
    Task<WorkItemView> Enqueue(WorkItemSubmission submission);

    Task<ImmutableArray<EnqueueOutcome>> EnqueueBatch(ImmutableArray<WorkItemSubmission> submissions);

    Task<WorkItemView> GetItem(string itemId);

    /// <summary>An audit of one of its items, or a golden item scored, recorded now: counted in the queue's current minute.</summary>
    Task CountQuality(Domain.Quality.QualityTally found);

    /// <summary>Items of a status (all when unspecified), after <paramref name="afterKey"/>.</summary>
    Task<WorkItemPage> ListItems(WorkItemStatus status, string afterKey, int pageSize);

    /// <summary>The item the queue would offer this specialist now, or null.</summary>
    Task<BacklogHead?> Peek(RoutingProfile specialist);

    /// <summary>Reserves the best item for this specialist and returns it, or null.</summary>
    Task<WorkItemView?> Offer(RoutingProfile specialist);

    /// <summary>
    /// Offers up to <paramref name="slots"/> items at once; when nothing fits, waits up to
    /// <paramref name="maxWait"/> for items to arrive. Arriving items go round the waiting
    /// specialists they fit, longest idle (<paramref name="idleSince"/>) first, one each per round.
    /// Empty when the wait ends with nothing.
    /// </summary>
    Task<ImmutableArray<WorkItemView>> WaitForOffers(RoutingProfile specialist, int slots, DateTimeOffset idleSince, TimeSpan maxWait);

    /// <summary>Stops a specialist's wait here (their offer came from another queue).</summary>
    Task CancelWait(string specialistId);

    /// <summary>Takes back an offer the specialist never saw, without skipping them for it.</summary>
    Task Withdraw(string itemId, string specialistId);

    Task<WorkItemView> Accept(string itemId, string specialistId);

    Task<WorkItemView> Reject(string itemId, string specialistId, string reason);

    Task<WorkItemView> Complete(string itemId, string specialistId, WorkOutcome outcome);

    Task<WorkItemView> Release(string itemId, string specialistId, string reason);

    /// <summary>Moves a held item to <paramref name="targetQueueId"/> (empty: the escalation queue).</summary>
    Task<WorkItemView> Escalate(string itemId, string specialistId, string targetQueueId, string reason);

    /// <summary>
    /// The queue's live numbers: its backlog now (items due within <paramref name="atRiskWithin"/>
    /// count as at risk), and its current and previous 1- and 15-minute intervals.
    /// </summary>
    Task<QueueStatsView> GetStats(TimeSpan atRiskWithin);

    /// <summary>
    /// A long poll for watchers: the numbers as soon as a transition is counted after
    /// <paramref name="knownVersion"/> (at once if one already has), or after
    /// <paramref name="maxWait"/> without one.
    /// </summary>
    Task<QueueStatsView> WatchStats(long knownVersion, TimeSpan atRiskWithin, TimeSpan maxWait);

    /// <summary>Takes in an item escalated from another queue; a repeat changes nothing.</summary>
    Task<WorkItemView> ReceiveEscalation(WorkItemView item, string fromQueueId, string reason);

    /// <summary>Turns a held item into an offer to another specialist who has the skills for it.</summary>
    Task<WorkItemView> Transfer(string itemId, string fromSpecialistId, RoutingProfile to, string reason);

    /// <summary>What one specialist holds and is offered here, and has completed on the UTC day of <paramref name="since"/>.</summary>
    Task<SpecialistQueueWork> WorkOf(string specialistId, DateTimeOffset since);

    /// <summary>Why this specialist, in the given state, would or would not be offered an item here now; changes nothing.</summary>
    [AlwaysInterleave]
    Task<RoutingExplanationView> Explain(RoutingProfile specialist, SpecialistAvailability availability);
}

/// <summary>All queues and who serves them, for routing and ListQueues. Key: <see cref="AllQueues"/>.</summary>
public interface IQueueDirectoryGrain : IGrainWithStringKey
{
    public const string AllQueues = "all";

    Task Register(QueueRoute route);

    [AlwaysInterleave]
    Task<ImmutableArray<QueueRoute>> ServedBy(string teamId);

    [AlwaysInterleave]
    Task<IdPage> List(string afterId, int pageSize);

    /// <summary>Whether a queue of this id has been created (without loading the queue).</summary>
    [AlwaysInterleave]
    Task<bool> Knows(string queueId);
}

/// <summary>
/// A specialist's desk: finds them the next item across the queues their team serves, and
/// keeps their activity state in step with the work they hold. Key: specialist id.
/// </summary>
public interface ISpecialistDeskGrain : IGrainWithStringKey
{
    Task<WorkItemView?> Next();

    /// <summary>
    /// The next offers for this specialist, as many as their free slots allow, waiting up to
    /// <paramref name="maxWait"/> for any; empty when none came.
    /// </summary>
    Task<ImmutableArray<WorkItemView>> WaitForOffers(TimeSpan maxWait);

    Task<WorkItemView> Accept(string queueId, string itemId);

    Task<WorkItemView> Reject(string queueId, string itemId, string reason);

    Task<WorkItemView> Complete(string queueId, string itemId, WorkOutcome outcome);

    Task<WorkItemView> Release(string queueId, string itemId, string reason);

    Task<WorkItemView> Escalate(string queueId, string itemId, string targetQueueId, string reason);

    Task<WorkItemView> Transfer(string queueId, string itemId, string toSpecialistId, string reason);

    /// <summary>Takes an item transferred by a colleague as an offer, if this specialist can take work.</summary>
    Task<WorkItemView> ReceiveTransfer(string queueId, string itemId, string fromSpecialistId, string reason);

    Task<SpecialistQueueWork> Work();

    /// <summary>The specialist's live numbers: state, items held and offered, and their day so far on their team's clock.</summary>
    Task<SpecialistStatsView> Stats();

    /// <summary>An audit of their work, or a golden item of theirs scored, recorded now: counted in their day.</summary>
    Task QualityFound(Domain.Quality.QualityTally found);

    /// <summary>The specialist's exposure ledger read per harm category: this shift, today on their team's clock, the last 7 days; NOT_FOUND for an unknown specialist.</summary>
    Task<Wellbeing.ExposureView> Exposure();

    /// <summary>The specialist's wellbeing as their lead sees it now; NOT_FOUND for an unknown specialist.</summary>
    Task<Wellbeing.MemberWellbeingView> Wellbeing();

    /// <summary>The specialist's opt-outs, restrictions or display choices changed: routing applies <paramref name="personal"/> from now.</summary>
    Task PersonalWellbeingChanged(Wellbeing.PersonalWellbeingView personal);

    /// <summary>The specialist's day as their team's monitor keeps it; null for a specialist who does not exist.</summary>
    Task<SpecialistDayRecord?> Today();

    /// <summary>
    /// Closes the specialist's days that have ended and stores them as history; returns today on
    /// their team's clock, or null for a specialist who does not exist.
    /// </summary>
    Task<DateOnly?> StoreClosedDays();

    /// <summary>
    /// For each queue the specialist's team serves (or only <paramref name="queueId"/> when not
    /// empty): the rule that keeps them from being offered anything, or the item they would get
    /// next and why it comes first. Changes nothing.
    /// </summary>
    Task<ImmutableArray<RoutingExplanationView>> ExplainRouting(string queueId);

    /// <summary>An offer to this specialist expired unanswered.</summary>
    [OneWay]
    Task OfferExpired(string queueId, string itemId);

    /// <summary>
    /// The specialist's committed view after a change, from their roster grain, which awaits it
    /// before answering; interleaves, since the desk may itself be waiting on that change.
    /// </summary>
    [AlwaysInterleave]
    Task SpecialistChanged(SpecialistView view);
}

/// <summary>
/// The outbox of one submitting client: outcomes of its items, numbered, kept until the client
/// acknowledges them. Key: client id.
/// </summary>
public interface IOutcomeOutboxGrain : IGrainWithStringKey
{
    /// <summary>Adds outcomes (idempotent per item while unacknowledged); returns once durable.</summary>
    Task Publish(ImmutableArray<WorkItemView> items);

    /// <summary>
    /// Unacknowledged outcomes after <paramref name="afterSequence"/> (from the first
    /// unacknowledged when lower), waiting up to <paramref name="maxWait"/> for one to arrive.
    /// </summary>
    Task<ImmutableArray<OutcomeNoticeRecord>> Next(long afterSequence, TimeSpan maxWait);

    /// <summary>Acknowledges up to <paramref name="sequence"/>; returns the acknowledged sequence.</summary>
    Task<long> Acknowledge(long sequence);
}
