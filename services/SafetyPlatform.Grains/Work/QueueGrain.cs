using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Domain.Work;
using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Grains.Work;

/// <summary>Stored settings of a queue (its items live in <see cref="IWorkItemStore"/>).</summary>
[GenerateSerializer, Alias("safety.QueueState")]
public sealed class QueueState
{
    [Id(0)] public bool Created { get; set; }
    [Id(1)] public QueueSettings? Settings { get; set; }
    [Id(2)] public DateTimeOffset CreateTime { get; set; }
    [Id(3)] public DateTimeOffset UpdateTime { get; set; }
    [Id(4)] public long Version { get; set; }
    [Id(5)] public string CreateRequestId { get; set; } = string.Empty;
    /// <summary>How many storage partitions hold the queue's items; raised before a new one is used.</summary>
    [Id(6)] public int PartitionCount { get; set; } = 1;
    /// <summary>Every outcome up to this completion sequence has reached its client's outbox.</summary>
    [Id(7)] public long OutcomesHandedOverThrough { get; set; }
}

/// <summary>
/// A queue: its settings, and the live index of its items (backlog in routing order,
/// reservations by expiry, holders). Reentrant so that calls proceed while earlier changes
/// are being written; every change to memory happens within one turn, before any await, so
/// two calls can never take the same item.
/// </summary>
[Reentrant]
public sealed partial class QueueGrain(
    [PersistentState("queue", StorageNames.Roster)] IPersistentState<QueueState> state,
    IWorkItemStore store,
    IOptions<RoutingOptions> routing,
    ILogger<QueueGrain> logger,
    TimeProvider time) : Grain, IQueueGrain
{
    private readonly Dictionary<string, StoredWorkItem> _items = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _ids = new(StringComparer.Ordinal);
    private readonly SortedSet<BacklogEntry> _backlog = new(BacklogOrder.Instance);
    private readonly SortedSet<(DateTimeOffset Expiry, string ItemId)> _reservations = [];
    private readonly Dictionary<string, string> _byRequest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byHolder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(DateTimeOffset At, TimeSpan HandleTime)>> _completedBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DateTimeOffset>> _escalatedBy = new(StringComparer.Ordinal);
    private readonly List<Waiter> _waiters = [];
    private readonly HashSet<string> _handOvers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _handingOver = new(StringComparer.Ordinal);
    private readonly SortedSet<long> _outcomesNotHandedOver = [];
    private long _lastCompletion;
    private bool _recordingHandOvers;
    private bool _publishingOutcomes;
    private GroupCommit? _commit;
    private int _lastPartition;
    private int _inLastPartition;
    private readonly OneAtATime _configWrites = new();

    private string Id => this.GetPrimaryKeyString();

    private string What => $"queues/{Id}";

    private QueueSettings Settings => state.State.Settings ?? throw SafetyException.NotFound(What);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _commit = new GroupCommit(WriteItems);
        if (state.State.Created)
        {
            var started = time.GetTimestamp();
            var items = await store.Load(Id, state.State.PartitionCount, cancellationToken);
            _lastPartition = state.State.PartitionCount - 1;
            _inLastPartition = items.Count(i => i.Partition == _lastPartition);
            var loaded = time.GetElapsedTime(started);
            var handedOverThrough = state.State.OutcomesHandedOverThrough;
            _lastCompletion = handedOverThrough;
            foreach (var item in items)
            {
                Index(item);
                _lastCompletion = Math.Max(_lastCompletion, item.CompletionSequence);

                // Outcomes and escalations written here but perhaps not yet handed on.
                if (item.Status == WorkItemStatus.Completed && item.CompletionSequence > handedOverThrough ||
                    item.Status == WorkItemStatus.Escalated && !item.EscalationDelivered)
                {
                    NotHandedOver(item);
                    _handOvers.Add(item.ItemId);
                }
            }

            LogRecovered(logger, Id, items.Count, loaded.TotalMilliseconds, time.GetElapsedTime(started).TotalMilliseconds);
            StartSweeping();
            // Before serving again, so a client gets them ahead of anything decided after the restart.
            await PublishDueOutcomes();
        }
    }

    /// <summary>
    /// Hands every outcome not yet handed over to its client's outbox, each client's in the order
    /// they were decided and in batches. False when a publish failed: the rest waits for the sweep.
    /// </summary>
    private async Task<bool> PublishDueOutcomes()
    {
        _handOvers.RemoveWhere(id => _items[id] is { Status: WorkItemStatus.Completed } item && !_outcomesNotHandedOver.Contains(item.CompletionSequence));
        var due = _handOvers.Select(id => _items[id]).Where(i => i.Status == WorkItemStatus.Completed)
            .OrderBy(i => i.CompletionSequence).GroupBy(i => i.Submission.Client);
        var published = await Task.WhenAll(due.Select(async client =>
        {
            foreach (var batch in client.Chunk(500))
            {
                try
                {
                    await PublishOutcomes(client.Key, batch);
                    _handOvers.ExceptWith(batch.Select(i => i.ItemId));
                }
                catch (Exception e)
                {
                    LogHandOverFailed(logger, $"{What}: {batch.Length} outcomes for {client.Key}", e.Message);
                    return false;
                }
            }

            return true;
        }));
        return published.All(ok => ok);
    }

    /// <summary>
    /// Publishes decided outcomes in the background, one pass at a time, so that a client's
    /// outcomes reach its outbox (and get their sequence there) in the order they were decided;
    /// what is decided during a pass goes out, batched, in the next.
    /// </summary>
    private void PublishOutcomesInOrder()
    {
        if (_publishingOutcomes)
        {
            return;
        }

        _publishingOutcomes = true;
        Pump().Ignore();

        async Task Pump()
        {
            try
            {
                while (_handOvers.Any(id => _items[id].Status == WorkItemStatus.Completed) && await PublishDueOutcomes())
                {
                }
            }
            finally
            {
                _publishingOutcomes = false;
            }
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Spares the clients outcomes sent again after a planned restart.
        if (state.State.Created && _commit?.Failure is null)
        {
            await RecordOutcomesHandedOver();
        }
    }

    public async Task<QueueView> Create(QueueSettings settings, string requestId)
    {
        if (state.State.Created)
        {
            if (requestId.Length > 0 && requestId == state.State.CreateRequestId)
            {
                await Directory().Register(Route());
                return View();
            }

            throw new SafetyException(SafetyErrorKind.AlreadyExists, $"{What} already exists");
        }

        var now = time.GetUtcNow();
        await WriteConfig(() =>
        {
            state.State.Created = true;
            state.State.Settings = settings;
            state.State.CreateTime = now;
            state.State.UpdateTime = now;
            state.State.Version = 1;
            state.State.CreateRequestId = requestId;
        });
        await Directory().Register(Route());
        StartSweeping();
        return View();
    }

    public Task<QueueView> Get() => Task.FromResult(EnsureCreated());

    public async Task<QueueView> Update(QueueSettings values, ImmutableArray<string> fields, string? etag)
    {
        EnsureCreated();
        var current = state.State.Version.ToString(CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(etag) && etag != current)
        {
            throw SafetyException.StaleEtag(What, current);
        }

        var updated = QueueChanges.Apply(Settings, values, fields);
        var now = time.GetUtcNow();
        await WriteConfig(() =>
        {
            state.State.Settings = updated;
            state.State.UpdateTime = now;
            state.State.Version++;
        });
        await Directory().Register(Route());
        return View();
    }

    public async Task<WorkItemView> Enqueue(WorkItemSubmission submission)
    {
        EnsureWritable();
        await MakeRoom(1);
        var (item, error) = Admit(submission, time.GetUtcNow());
        if (error is not null)
        {
            throw error;
        }

        Dispatch();
        await _commit!.Mark(item!.ItemId);
        return Current(item.ItemId);
    }

    public async Task<ImmutableArray<EnqueueOutcome>> EnqueueBatch(ImmutableArray<WorkItemSubmission> submissions)
    {
        EnsureWritable();
        await MakeRoom(submissions.Length);
        var now = time.GetUtcNow();
        var admitted = submissions.Select(s => Admit(s, now)).ToList();
        Dispatch();
        var writes = admitted.Where(a => a.Item is not null).Select(a => _commit!.Mark(a.Item!.ItemId)).ToList();
        await Task.WhenAll(writes);
        return [.. admitted.Select(a => a.Error is null
            ? new EnqueueOutcome(Current(a.Item!.ItemId), null, string.Empty, string.Empty)
            : new EnqueueOutcome(null, a.Error.Kind, a.Error.Message, a.Error.Field ?? string.Empty))];
    }

    public Task<WorkItemView> GetItem(string itemId)
    {
        EnsureCreated();
        return Task.FromResult(Current(itemId));
    }

    public Task<WorkItemPage> ListItems(WorkItemStatus status, string afterKey, int pageSize)
    {
        EnsureCreated();
        var page = new List<WorkItemView>(pageSize);
        var more = false;
        var from = afterKey.Length == 0 ? _ids : _ids.GetViewBetween(afterKey, _ids.Max ?? afterKey);
        foreach (var id in from)
        {
            if (id == afterKey)
            {
                continue;
            }

            var item = _items[id];
            if (status != WorkItemStatus.Unspecified && item.Status != status)
            {
                continue;
            }

            if (page.Count == pageSize)
            {
                more = true;
                break;
            }

            page.Add(item.View(Id) with { History = [] });
        }

        return Task.FromResult(new WorkItemPage([.. page], more ? page[^1].ItemId : string.Empty));
    }

    public Task<BacklogHead?> Peek(RoutingProfile specialist)
    {
        EnsureCreated();
        var best = BestFor(specialist);
        return Task.FromResult(best is null ? null : new BacklogHead(best.Submission.Priority, best.Deadline, best.Arrival, best.ItemId));
    }

    public Task<WorkItemView?> Offer(RoutingProfile specialist)
    {
        EnsureWritable();
        return Task.FromResult(ReserveBestFor(specialist) is { } itemId ? Current(itemId) : null);
    }

    public async Task<ImmutableArray<WorkItemView>> WaitForOffers(RoutingProfile specialist, int slots, DateTimeOffset idleSince, TimeSpan maxWait)
    {
        EnsureWritable();
        var now = new List<string>();
        while (now.Count < slots && ReserveBestFor(specialist) is { } itemId)
        {
            now.Add(itemId);
        }

        if (now.Count > 0 || maxWait <= TimeSpan.Zero)
        {
            return [.. now.Select(Current)];
        }

        EndWait(specialist.SpecialistId);
        var waiter = new Waiter(specialist, slots, idleSince, new TaskCompletionSource<ImmutableArray<string>>(TaskCreationOptions.RunContinuationsAsynchronously));
        _waiters.Add(waiter);
        await Waits.ForOrUpTo(waiter.Offered.Task, maxWait, time);

        if (!waiter.Offered.Task.IsCompleted)
        {
            _waiters.Remove(waiter);
            return [];
        }

        return [.. (await waiter.Offered.Task).Select(Current)];
    }

    public Task CancelWait(string specialistId)
    {
        EndWait(specialistId);
        return Task.CompletedTask;
    }

    private void EndWait(string specialistId) =>
        _waiters.RemoveAll(w => w.Specialist.SpecialistId == specialistId && w.Offered.TrySetResult([]));

    /// <summary>Reserves the best waiting item that fits the specialist; its id, or null when none fits.</summary>
    private string? ReserveBestFor(RoutingProfile specialist)
    {
        if (BestFor(specialist) is not { } best)
        {
            return null;
        }

        Reserve(best, specialist.SpecialistId);
        return best.ItemId;
    }

    public async Task Withdraw(string itemId, string specialistId)
    {
        EnsureWritable();
        if (_items.TryGetValue(itemId, out var item) && item.Status == WorkItemStatus.Reserved && item.Holder == specialistId)
        {
            Replace(item.Then(WorkItemStatus.Queued, time.GetUtcNow(), "system", "withdrawn", "the specialist already had an offer") with
            {
                Holder = string.Empty,
                ReservationExpiry = null,
            });
            Dispatch();
            await _commit!.Mark(itemId);
        }
    }

    /// <summary>
    /// Reserves an item for a specialist. The reservation is a lease kept in memory and written
    /// with the item's next change (accept, reject, expiry): writing it on its own would cost a
    /// storage write per offer and protect nothing. If the silo stops, the item is found queued
    /// again, as if the offer had expired, and an accept of the lost offer is refused. So an
    /// item may even be offered while its enqueue is still being written: the accept's write
    /// lands after the enqueue's, so nobody can start work on an item storage could lose.
    /// </summary>
    private void Reserve(StoredWorkItem item, string specialistId)
    {
        var now = time.GetUtcNow();
        Replace(item.Then(WorkItemStatus.Reserved, now, Specialist(specialistId), "offered", string.Empty) with
        {
            Holder = specialistId,
            ReservationExpiry = now + Settings.ReservationTimeout,
        });
    }

    /// <summary>
    /// Offers waiting items to waiting specialists in rounds: each round goes through them from
    /// the longest idle, giving each the best item that fits them, until the items run out or
    /// every waiter's free slots are filled. So a burst of items reaches everyone at once, and
    /// nobody gets a second item while a longer idle colleague who fits it has none.
    /// </summary>
    private void Dispatch()
    {
        if (_waiters.Count == 0 || _backlog.Count == 0)
        {
            return;
        }

        var order = _waiters.OrderBy(w => w.IdleSince).ToList();
        var given = order.ToDictionary(w => w, _ => new List<string>());
        while (order.Count > 0 && _backlog.Count > 0)
        {
            foreach (var waiter in order.ToList())
            {
                if (_backlog.Count > 0 && ReserveBestFor(waiter.Specialist) is { } itemId)
                {
                    given[waiter].Add(itemId);
                }
                else
                {
                    // Nothing fits them now, and items only leave the backlog here: do not scan it again.
                    order.Remove(waiter);
                }

                if (given[waiter].Count >= waiter.Slots)
                {
                    order.Remove(waiter);
                }
            }
        }

        foreach (var (waiter, items) in given.Where(g => g.Value.Count > 0))
        {
            _waiters.Remove(waiter);
            waiter.Offered.TrySetResult([.. items]);
        }
    }

    private sealed record Waiter(RoutingProfile Specialist, int Slots, DateTimeOffset IdleSince, TaskCompletionSource<ImmutableArray<string>> Offered);

    public async Task<WorkItemView> Accept(string itemId, string specialistId)
    {
        EnsureWritable();
        var item = Held(itemId, specialistId, WorkItemStatus.Reserved, "accept");
        var now = time.GetUtcNow();
        if (item.ReservationExpiry <= now)
        {
            Expire(item, now);
            throw SafetyException.FailedPrecondition($"the offer of {ItemName(itemId)} expired at {item.ReservationExpiry:O}");
        }

        Replace(item.Then(WorkItemStatus.Handling, now, Specialist(specialistId), "accepted", string.Empty) with
        {
            ReservationExpiry = null,
            AcceptTime = now,
        });
        await _commit!.Mark(itemId);
        return Current(itemId);
    }

    public async Task<WorkItemView> Reject(string itemId, string specialistId, string reason)
    {
        EnsureWritable();
        var item = Held(itemId, specialistId, WorkItemStatus.Reserved, "reject");
        Replace(item.Then(WorkItemStatus.Queued, time.GetUtcNow(), Specialist(specialistId), "rejected", reason) with
        {
            Holder = string.Empty,
            ReservationExpiry = null,
            SkippedBy = item.SkippedBy.Add(specialistId),
        });
        Dispatch();
        await _commit!.Mark(itemId);
        return Current(itemId);
    }

    public async Task<WorkItemView> Complete(string itemId, string specialistId, WorkOutcome outcome)
    {
        EnsureWritable();
        var item = Held(itemId, specialistId, WorkItemStatus.Handling, "complete");
        var now = time.GetUtcNow();
        var handleTime = item.AcceptTime is { } accepted && now > accepted ? now - accepted : TimeSpan.Zero;
        var completed = item.Then(WorkItemStatus.Completed, now, Specialist(specialistId), "completed", string.Empty) with
        {
            Holder = string.Empty,
            Outcome = outcome with { HandleTime = handleTime, CompleteTime = now, SpecialistId = specialistId },
            CompletionSequence = ++_lastCompletion,
        };
        Replace(completed);
        NotHandedOver(completed);
        await _commit!.Mark(itemId);
        HandOver(itemId);
        return Current(itemId);
    }

    public async Task<WorkItemView> Release(string itemId, string specialistId, string reason)
    {
        EnsureWritable();
        var item = Held(itemId, specialistId, WorkItemStatus.Handling, "release");
        Replace(item.Then(WorkItemStatus.Queued, time.GetUtcNow(), Specialist(specialistId), "released", reason) with
        {
            Holder = string.Empty,
            AcceptTime = null,
        });
        Dispatch();
        await _commit!.Mark(itemId);
        return Current(itemId);
    }

    public async Task<WorkItemView> Escalate(string itemId, string specialistId, string targetQueueId, string reason)
    {
        EnsureWritable();
        var target = targetQueueId.Length > 0 ? targetQueueId : Settings.EscalationQueue;
        if (target.Length == 0)
        {
            throw SafetyException.FailedPrecondition($"{What} has no escalation queue; name the target_queue");
        }

        if (target == Id)
        {
            throw SafetyException.InvalidArgument("target_queue", $"{ItemName(itemId)} is already in queues/{target}");
        }

        Held(itemId, specialistId, WorkItemStatus.Handling, "escalate");
        await GrainFactory.Reference<IQueueGrain>(target).Get();

        // Re-check after the await: another call may have changed the item meanwhile.
        var item = Held(itemId, specialistId, WorkItemStatus.Handling, "escalate");
        Replace(item.Then(WorkItemStatus.Escalated, time.GetUtcNow(), Specialist(specialistId), "escalated", reason) with
        {
            Holder = string.Empty,
            AcceptTime = null,
            EscalatedTo = target,
        });
        await _commit!.Mark(itemId);
        try
        {
            await DeliverEscalation(itemId);
        }
        catch (Exception e)
        {
            // The escalation is durable here; the sweep hands it over once the target answers.
            LogHandOverFailed(logger, ItemName(itemId), e.Message);
            _handOvers.Add(itemId);
        }

        return Current(itemId);
    }

    public async Task<WorkItemView> Adopt(WorkItemView item, string fromQueueId, string reason)
    {
        EnsureWritable();
        if (!_items.ContainsKey(item.ItemId))
        {
            // An escalated item is never refused for a full queue: it must not be lost on its way.
            await MakeRoom(1);
            if (!_items.ContainsKey(item.ItemId))
            {
                var adopted = new StoredWorkItem(item.ItemId, _lastPartition, item.Submission, WorkItemStatus.Escalated, string.Empty, null,
                    item.Arrival, item.Deadline, null, null, [], item.History);
                Index(adopted.Then(WorkItemStatus.Queued, time.GetUtcNow(), $"queues/{fromQueueId}", "escalated_in", reason));
                _inLastPartition++;
                Dispatch();
            }
        }

        await _commit!.Mark(item.ItemId);
        return Current(item.ItemId);
    }

    public async Task<WorkItemView> Transfer(string itemId, string fromSpecialistId, RoutingProfile to, string reason)
    {
        EnsureWritable();
        var item = Held(itemId, fromSpecialistId, WorkItemStatus.Handling, "transfer");
        if (to.SpecialistId == fromSpecialistId)
        {
            throw SafetyException.InvalidArgument("target_specialist", "an item cannot be transferred to its holder");
        }

        if (!Eligibility.Fits(to.Skills(), Settings.Requirements(), item.Submission.Language))
        {
            throw SafetyException.FailedPrecondition(
                $"{Specialist(to.SpecialistId)} lacks the skills for {ItemName(itemId)} (policy area and language of {What})");
        }

        var now = time.GetUtcNow();
        Replace(item.Then(WorkItemStatus.Reserved, now, Specialist(fromSpecialistId), "transferred", reason) with
        {
            Holder = to.SpecialistId,
            AcceptTime = null,
            ReservationExpiry = now + Settings.ReservationTimeout,
        });
        await _commit!.Mark(itemId);
        return Current(itemId);
    }

    /// <summary>
    /// Hands a durable outcome to the submitting client's outbox (a transactional outbox). The
    /// hand-over is not written per item: the queue writes, at most once a sweep, the completion
    /// sequence below which every outcome has been handed over, and recovery hands over again
    /// what lies above it. A client may so see an outcome twice after a restart, never miss one.
    /// </summary>
    private async Task PublishOutcomes(string client, IReadOnlyCollection<StoredWorkItem> items)
    {
        await GrainFactory.Reference<IOutcomeOutboxGrain>(client).Publish([.. items.Select(i => i.View(Id))]);
        foreach (var item in items)
        {
            _outcomesNotHandedOver.Remove(item.CompletionSequence);
        }
    }

    private void NotHandedOver(StoredWorkItem item)
    {
        if (item.Status == WorkItemStatus.Completed)
        {
            _outcomesNotHandedOver.Add(item.CompletionSequence);
        }
    }

    /// <summary>The highest completion sequence at or below which every outcome has been handed over.</summary>
    private long OutcomesHandedOverThrough => _outcomesNotHandedOver.Count > 0 ? _outcomesNotHandedOver.Min - 1 : _lastCompletion;

    private async Task RecordOutcomesHandedOver()
    {
        var through = OutcomesHandedOverThrough;
        if (through <= state.State.OutcomesHandedOverThrough || _recordingHandOvers)
        {
            return;
        }

        _recordingHandOvers = true;
        try
        {
            await WriteConfig(() => state.State.OutcomesHandedOverThrough = Math.Max(state.State.OutcomesHandedOverThrough, through));
        }
        catch (Exception e)
        {
            // Only costs re-sent outcomes after a restart; the next sweep tries again.
            LogHandOverFailed(logger, $"{What} (outcomes handed over through {through})", e.Message);
        }
        finally
        {
            _recordingHandOvers = false;
        }
    }

    /// <summary>Hands a durable outcome or escalation on, in the background; on failure the sweep tries again.</summary>
    private void HandOver(string itemId)
    {
        _handOvers.Add(itemId);
        if (_items[itemId].Status == WorkItemStatus.Completed)
        {
            PublishOutcomesInOrder();
            return;
        }

        if (!_handingOver.Add(itemId))
        {
            return;
        }

        RunHandOver(itemId).Ignore();
    }

    private async Task RunHandOver(string itemId)
    {
        try
        {
            var item = _items[itemId];
            if (item.Status == WorkItemStatus.Escalated && !item.EscalationDelivered)
            {
                await DeliverEscalation(itemId);
            }

            _handOvers.Remove(itemId);
        }
        finally
        {
            _handingOver.Remove(itemId);
        }
    }

    /// <summary>Hands an escalated item to its target queue, then notes that it arrived.</summary>
    private async Task DeliverEscalation(string itemId)
    {
        var item = _items[itemId];
        var reason = item.History.LastOrDefault(e => e.Action == "escalated")?.Reason ?? string.Empty;
        await GrainFactory.Reference<IQueueGrain>(item.EscalatedTo).Adopt(item.View(Id), Id, reason);
        if (_items[itemId] is { Status: WorkItemStatus.Escalated } current)
        {
            _items[itemId] = current with { EscalationDelivered = true };
            _ = _commit!.Mark(itemId);
        }
    }

    public Task<SpecialistQueueWork> WorkOf(string specialistId, DateTimeOffset since)
    {
        EnsureCreated();
        var mine = _byHolder.TryGetValue(specialistId, out var ids) ? ids.Select(id => _items[id]).ToList() : [];
        var done = _completedBy.TryGetValue(specialistId, out var list) ? list.Where(c => c.At >= since).ToList() : [];
        var escalated = _escalatedBy.TryGetValue(specialistId, out var times) ? times.Count(t => t >= since) : 0;
        return Task.FromResult(new SpecialistQueueWork(
            [.. mine.Where(i => i.Status == WorkItemStatus.Handling).Select(i => i.View(Id))],
            [.. mine.Where(i => i.Status == WorkItemStatus.Reserved).Select(i => i.View(Id))],
            done.Count,
            done.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.HandleTime),
            escalated));
    }

    /// <summary>Checks a new item and indexes it; returns the refusal instead when it is not admitted.</summary>
    private (StoredWorkItem? Item, SafetyException? Error) Admit(WorkItemSubmission submission, DateTimeOffset now)
    {
        var requestKey = submission.Client + "\n" + submission.RequestId;
        if (_byRequest.TryGetValue(requestKey, out var existing))
        {
            return (_items[existing], null);
        }

        var settings = Settings;
        if (settings.Languages.Length > 0 && submission.Language.Length > 0 &&
            !settings.Languages.Contains(submission.Language, StringComparer.OrdinalIgnoreCase))
        {
            return (null, SafetyException.InvalidArgument("work_item.language_code",
                $"{What} takes content in {string.Join(", ", settings.Languages)}, not '{submission.Language}'"));
        }

        if (_backlog.Count >= settings.MaxBacklog)
        {
            return (null, new SafetyException(SafetyErrorKind.ResourceExhausted,
                $"{What} is full: {_backlog.Count} items wait, the maximum is {settings.MaxBacklog}"));
        }

        var deadline = settings.Sla.ToPolicy().DeadlineFor(submission.Priority, now, submission.Deadline);
        var item = new StoredWorkItem(ResourceIds.NewId('w'), _lastPartition, submission, WorkItemStatus.Unspecified, string.Empty, null, now, deadline,
            null, null, [], []);
        item = item.Then(WorkItemStatus.Queued, now, "clients/" + submission.Client, "enqueued", string.Empty);
        Index(item);
        _inLastPartition++;
        return (item, null);
    }

    /// <summary>The best waiting item this specialist may take: first in routing order that fits.</summary>
    private StoredWorkItem? BestFor(RoutingProfile specialist)
    {
        var requirements = Settings.Requirements();
        var skills = specialist.Skills();
        foreach (var entry in _backlog)
        {
            var item = _items[entry.ItemId];
            if (!item.SkippedBy.Contains(specialist.SpecialistId) && Eligibility.Fits(skills, requirements, item.Submission.Language))
            {
                return item;
            }
        }

        return null;
    }

    private StoredWorkItem Held(string itemId, string specialistId, WorkItemStatus expected, string verb)
    {
        var item = _items.TryGetValue(itemId, out var found) ? found : throw SafetyException.NotFound(ItemName(itemId));
        if (item.Status != expected || item.Holder != specialistId)
        {
            var why = item.Status == expected
                ? $"it is {Describe(expected)} by {Specialist(item.Holder)}"
                : $"it is {Describe(item.Status)}" + (item.Holder.Length > 0 ? $" by {Specialist(item.Holder)}" : string.Empty);
            throw SafetyException.FailedPrecondition($"{Specialist(specialistId)} cannot {verb} {ItemName(itemId)}: {why}");
        }

        return item;
    }

    private void Expire(StoredWorkItem item, DateTimeOffset now)
    {
        Replace(item.Then(WorkItemStatus.Queued, now, "system", "expired", "the offer was not accepted in time") with
        {
            Holder = string.Empty,
            ReservationExpiry = null,
        });
        _ = _commit!.Mark(item.ItemId);
        GrainFactory.Reference<ISpecialistDeskGrain>(item.Holder).OfferExpired(Id, item.ItemId).Ignore();
    }

    private Task SweepReservations()
    {
        var now = time.GetUtcNow();
        if (_commit?.Failure is not null)
        {
            return Task.CompletedTask;
        }

        while (_reservations.Count > 0 && _reservations.Min.Expiry <= now)
        {
            Expire(_items[_reservations.Min.ItemId], now);
        }

        Dispatch();
        foreach (var itemId in _handOvers.Except(_handingOver).Take(100).ToList())
        {
            HandOver(itemId);
        }

        return RecordOutcomesHandedOver();
    }

    private void StartSweeping() =>
        this.RegisterGrainTimer(SweepReservations, routing.Value.ReservationSweep, routing.Value.ReservationSweep);

    /// <summary>Puts a changed item in place of the old one, keeping every index in step.</summary>
    private void Replace(StoredWorkItem item)
    {
        Unindex(_items[item.ItemId]);
        Index(item);
    }

    private void Index(StoredWorkItem item)
    {
        _items[item.ItemId] = item;
        _ids.Add(item.ItemId);
        _byRequest[item.Submission.Client + "\n" + item.Submission.RequestId] = item.ItemId;
        switch (item.Status)
        {
            case WorkItemStatus.Queued:
                _backlog.Add(item.Entry());
                break;
            case WorkItemStatus.Reserved:
                _reservations.Add((item.ReservationExpiry ?? DateTimeOffset.MinValue, item.ItemId));
                Holding(item.Holder).Add(item.ItemId);
                break;
            case WorkItemStatus.Handling:
                Holding(item.Holder).Add(item.ItemId);
                break;
            case WorkItemStatus.Completed when item.Outcome is { } outcome:
                if (!_completedBy.TryGetValue(outcome.SpecialistId, out var done))
                {
                    _completedBy[outcome.SpecialistId] = done = [];
                }

                done.Add((outcome.CompleteTime, outcome.HandleTime));
                break;
            case WorkItemStatus.Escalated when item.History.LastOrDefault(e => e.Action == "escalated") is { } escalation:
                var by = escalation.Actor.StartsWith("specialists/", StringComparison.Ordinal) ? escalation.Actor["specialists/".Length..] : escalation.Actor;
                if (!_escalatedBy.TryGetValue(by, out var escalations))
                {
                    _escalatedBy[by] = escalations = [];
                }

                escalations.Add(escalation.At);
                break;
        }
    }

    private void Unindex(StoredWorkItem item)
    {
        switch (item.Status)
        {
            case WorkItemStatus.Queued:
                _backlog.Remove(item.Entry());
                break;
            case WorkItemStatus.Reserved:
                _reservations.Remove((item.ReservationExpiry ?? DateTimeOffset.MinValue, item.ItemId));
                Holding(item.Holder).Remove(item.ItemId);
                break;
            case WorkItemStatus.Handling:
                Holding(item.Holder).Remove(item.ItemId);
                break;
        }
    }

    private HashSet<string> Holding(string specialistId)
    {
        if (!_byHolder.TryGetValue(specialistId, out var set))
        {
            _byHolder[specialistId] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        return set;
    }

    // The items are immutable records: serialising and sending them off the grain's turn keeps offers flowing meanwhile.
    private Task WriteItems(IReadOnlyCollection<string> itemIds)
    {
        var queueId = Id;
        List<StoredWorkItem> items = [.. itemIds.Select(id => _items[id])];
        return Task.Run(() => store.Write(queueId, items));
    }

    /// <summary>
    /// Opens a new storage partition when the last one cannot take <paramref name="count"/> more
    /// items. New items go to a partition only once the queue's stored settings count it, so
    /// recovery always reads every partition that holds items.
    /// </summary>
    private async Task MakeRoom(int count)
    {
        while (_inLastPartition > 0 && _inLastPartition + count > IWorkItemStore.PartitionSize)
        {
            var full = _lastPartition;
            await WriteConfig(() => state.State.PartitionCount = Math.Max(state.State.PartitionCount, full + 2));
            if (state.State.PartitionCount - 1 > _lastPartition)
            {
                _lastPartition = state.State.PartitionCount - 1;
                _inLastPartition = 0;
            }
        }
    }

    // Settings writes are rare; one at a time keeps Orleans' etag check happy in a reentrant grain.
    private Task WriteConfig(Action change) => _configWrites.Run(() => StateWrites.Commit(state, this, change));

    private void EnsureWritable()
    {
        EnsureCreated();
        if (_commit!.Failure is not null)
        {
            DeactivateOnIdle();
            throw new OrleansException($"{What} lost a write to storage and is reloading; retry the call", _commit.Failure);
        }
    }

    private QueueView EnsureCreated() => state.State.Created ? View() : throw SafetyException.NotFound(What);

    private WorkItemView Current(string itemId) =>
        _items.TryGetValue(itemId, out var item) ? item.View(Id) : throw SafetyException.NotFound(ItemName(itemId));

    private QueueView View() => new(Id, Settings, _backlog.Count, _byHolder.Values.Sum(h => h.Count),
        state.State.CreateTime, state.State.UpdateTime, state.State.Version, _waiters.Count);

    private QueueRoute Route() => new(Id, Settings.HarmCategory, Settings.Languages, Settings.MinimumProficiency, Settings.ServingTeams);

    private IQueueDirectoryGrain Directory() => GrainFactory.Reference<IQueueDirectoryGrain>(IQueueDirectoryGrain.AllQueues);

    private string ItemName(string itemId) => $"{What}/workItems/{itemId}";

    private static string Specialist(string id) => $"specialists/{id}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handing {Item} on failed, will retry: {Reason}")]
    private static partial void LogHandOverFailed(ILogger logger, string item, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue {QueueId} recovered {Count} items: read in {ReadMs:F0} ms, indexed by {TotalMs:F0} ms")]
    private static partial void LogRecovered(ILogger logger, string queueId, int count, double readMs, double totalMs);

    private static string Describe(WorkItemStatus status) => status.ToString().ToUpperInvariant();
}
