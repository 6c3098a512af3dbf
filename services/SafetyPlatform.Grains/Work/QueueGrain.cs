using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Domain.Work;
using SafetyPlatform.Grains.Monitoring;
using SafetyPlatform.Grains.Quality;
using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Grains.Work;

/// <summary>
/// A queue: its settings, and its items. The <see cref="Backlog"/> decides (admission, routing,
/// every transition) synchronously; the grain awaits only storage and other grains. Reentrant so
/// that calls proceed while earlier changes are being written; every decision and the change it
/// makes happen in one call to the backlog, before any await, so two calls can never take the
/// same item. Changed items go to the <see cref="WorkItemJournal"/>, outcomes to the
/// <see cref="OutcomeHandOver"/>, escalations to the <see cref="EscalationDelivery"/>.
/// </summary>
[Reentrant]
public sealed partial class QueueGrain(
    [PersistentState("queue", StorageNames.Roster)] IPersistentState<QueueState> state,
    IWorkItemStore store,
    IQueueStatsStore statsStore,
    IOptions<RoutingOptions> routing,
    ILogger<QueueGrain> logger,
    TimeProvider time) : Grain, IQueueGrain
{
    private QueueRecord? _record;
    private FinishedItems? _finished;
    private OfferWaiters? _waiters;
    private Backlog? _backlog;
    private WorkItemJournal? _journal;
    private OutcomeHandOver? _outcomes;
    private EscalationDelivery? _escalations;
    private QueueMonitor? _monitor;

    private string Id => this.GetPrimaryKeyString();

    private QueueName Name => new(Id);

    private QueueRecord Record => _record ??= new QueueRecord(state, this, Name);

    private QueueSettings Settings => Record.Settings;

    private Backlog Backlog => _backlog ??= new Backlog(Settings.Rules(Id), _finished, Monitor.Activity);

    private QueueMonitor Monitor => _monitor ??= new QueueMonitor(Id, time);

    private OfferWaiters Waiters => _waiters!;

    private WorkItemJournal Journal => _journal!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _finished = new FinishedItems(Id, store, logger);
        _waiters = new OfferWaiters(Id, time);
        _journal = new WorkItemJournal(store, Id, Record.State.PartitionCount,
            Record.GrowPartitions);
        _outcomes = new OutcomeHandOver(Id, GrainFactory, logger, Record.OutcomesHandedOver,
            new AuditSampler(Id, () => Record.Created ? Settings.AuditSampling : null, GrainFactory, time, logger));
        _escalations = new EscalationDelivery(Id, GrainFactory, logger, delivered =>
        {
            _finished.Delivered(delivered);
            return Journal.Write(delivered);
        });
        if (Record.Created)
        {
            await Recover(cancellationToken);
        }
    }

    private async Task Recover(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var (items, closed, finishedInJournal, superseded) = await store.Load(Id, Record.State.PartitionCount, cancellationToken);
        var loaded = time.GetElapsedTime(started);
        Journal.Recovered(items);
        _finished!.Recover(closed, items.Where(i => WorkItemLifecycle.IsFinished(i.Status)).Concat(superseded), time.GetUtcNow());
        foreach (var item in items.Where(i => !WorkItemLifecycle.IsFinished(i.Status)))
        {
            Backlog.Restore(item);
            _finished.Ledger.Opened(item.Partition);
        }

        _outcomes!.Recover(Record.State.OutcomesHandedOverThrough, items.Where(i => i.Status == WorkItemStatus.Completed));
        _escalations!.Recover(items.Where(i => i.Status == WorkItemStatus.Escalated));
        // Written before archives existed: archive them before serving, since finished items are looked up there.
        await Task.WhenAll(finishedInJournal.Select(Journal.Write));

        LogRecovered(logger, Id, items.Count, closed.Count, loaded.TotalMilliseconds, time.GetElapsedTime(started).TotalMilliseconds);
        StartSweeping();
        // Before serving again, so a client gets them ahead of anything decided after the restart.
        await _outcomes.PublishReady();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Spares the clients outcomes sent again after a planned restart, and keeps the intervals closed since the last sweep.
        if (Record.Created && Journal.Failure is null)
        {
            await Task.WhenAll(_outcomes!.RecordProgress(), Monitor.StoreClosed(statsStore));
        }
    }

    public async Task<QueueView> Create(QueueSettings settings, string requestId)
    {
        if (await Record.Create(settings, requestId, time.GetUtcNow()))
        {
            StartSweeping();
        }

        await Directory().Register(Route());
        return View();
    }

    public Task<QueueView> Get() => Task.FromResult(EnsureCreated());

    public async Task<QueueView> Update(QueueSettings values, ImmutableArray<string> fields, string? etag)
    {
        EnsureCreated();
        var updated = await Record.Update(values, fields, etag, time.GetUtcNow());
        Backlog.Rules = updated.Rules(Id);
        await Directory().Register(Route());
        return View();
    }

    public async Task<WorkItemView> Enqueue(WorkItemSubmission submission)
    {
        var outcome = (await EnqueueBatch([submission]))[0];
        return outcome.Item ?? throw new SafetyException(outcome.Error!.Value, outcome.Message, outcome.Field.Length > 0 ? outcome.Field : null);
    }

    public async Task<ImmutableArray<EnqueueOutcome>> EnqueueBatch(ImmutableArray<WorkItemSubmission> submissions)
    {
        EnsureWritable();
        await Journal.MakeRoom(submissions.Length);
        // Last before admitting: the finished items these keys name stay among the recent ones until then.
        await _finished!.ResolveRequests(submissions.Select(s => s.RequestKey));
        var now = time.GetUtcNow();
        var admitted = submissions.Select(s => Refusals.Catch(() => Admit(s, now))).ToList();
        Dispatch();
        KeepLoadedWhileOpen();
        await Task.WhenAll(admitted.Where(a => a.Value is not null).Select(a => Journal.Write(a.Value!)));
        return [.. admitted.Select(a => a.Refusal is null
            ? new EnqueueOutcome(Latest(a.Value!).View(Id), null, string.Empty, string.Empty)
            : new EnqueueOutcome(null, a.Refusal.Kind, a.Refusal.Message, a.Refusal.Field ?? string.Empty))];
    }

    private WorkItem Admit(WorkItemSubmission submission, DateTimeOffset now)
    {
        var (item, isNew) = Backlog.Admit(submission, ResourceIds.NewId('w'), Journal.Partition, now);
        return isNew ? Placed(item) : item;
    }

    public Task<WorkItemView> GetItem(string itemId)
    {
        EnsureCreated();
        return Current(itemId);
    }

    public async Task<WorkItemPage> ListItems(WorkItemStatus status, string afterKey, int pageSize)
    {
        EnsureCreated();
        var (items, next) = WorkItemListing.OnlyOpen(status)
            ? WorkItemListing.Open(Backlog, status, afterKey, pageSize)
            : await WorkItemListing.AcrossPartitions(Backlog, _finished!, Journal.Partition, status, afterKey, pageSize);
        return new WorkItemPage([.. items.Select(i => i.View(Id) with { History = [] })], next);
    }

    public Task<BacklogHead?> Peek(RoutingProfile specialist)
    {
        EnsureCreated();
        Monitor.NoteActive(specialist.SpecialistId);
        return Task.FromResult(Backlog.BestFor(specialist.Candidate()) is { } best
            ? new BacklogHead(best.Submission.Priority, best.Deadline, best.Arrival, best.ItemId)
            : null);
    }

    public Task<RoutingExplanationView> Explain(RoutingProfile specialist, SpecialistAvailability availability)
    {
        EnsureCreated();
        return Task.FromResult(Backlog.Explain(specialist.Candidate(), availability).View(Id));
    }

    public Task<WorkItemView?> Offer(RoutingProfile specialist)
    {
        EnsureWritable();
        Monitor.NoteActive(specialist.SpecialistId);
        return Task.FromResult(Backlog.OfferBest(specialist.Candidate(), time.GetUtcNow())?.View(Id));
    }

    public async Task<ImmutableArray<WorkItemView>> WaitForOffers(RoutingProfile specialist, int slots, DateTimeOffset idleSince, TimeSpan maxWait)
    {
        EnsureWritable();
        Waiters.End(specialist.SpecialistId);
        Monitor.NoteActive(specialist.SpecialistId);
        var waiting = new WaitingSpecialist(specialist.Candidate(), slots, idleSince);
        var now = Backlog.OfferRounds([waiting], time.GetUtcNow())[0];
        return now.Count > 0 || maxWait <= TimeSpan.Zero ? [.. now.Select(i => i.View(Id))] : await Waiters.Wait(waiting, maxWait);
    }

    public Task CancelWait(string specialistId)
    {
        Waiters.End(specialistId);
        return Task.CompletedTask;
    }

    private void Dispatch() => Waiters.Dispatch(Backlog);

    public async Task Withdraw(string itemId, string specialistId)
    {
        EnsureWritable();
        if (Backlog.Withdraw(itemId, specialistId, time.GetUtcNow()) is { } withdrawn)
        {
            Dispatch();
            await Journal.Write(withdrawn);
        }
    }

    public Task<WorkItemView> Accept(string itemId, string specialistId) =>
        Change(itemId, () => Backlog.Accept(itemId, specialistId, time.GetUtcNow()));

    public Task<WorkItemView> Reject(string itemId, string specialistId, string reason) =>
        Change(itemId, () => Backlog.Reject(itemId, specialistId, reason, time.GetUtcNow()), dispatch: true);

    public Task<WorkItemView> Release(string itemId, string specialistId, string reason) =>
        Change(itemId, () => Backlog.Release(itemId, specialistId, reason, time.GetUtcNow()), dispatch: true);

    public Task<WorkItemView> Transfer(string itemId, string fromSpecialistId, RoutingProfile to, string reason) =>
        Change(itemId, () => Backlog.Transfer(itemId, fromSpecialistId, to.Candidate(), reason, time.GetUtcNow()));

    public async Task<WorkItemView> Complete(string itemId, string specialistId, WorkOutcome outcome)
    {
        EnsureWritable();
        await KnowFinished(itemId);
        var completed = Decide(() => Backlog.Complete(itemId, specialistId, outcome, _outcomes!.NextSequence, time.GetUtcNow()));
        _outcomes!.Taken(completed);
        Finished(completed);
        await Journal.Write(completed);
        _outcomes!.Durable(completed);
        if (Domain.Quality.GoldenItems.ScoreOf(completed.Submission, completed.Outcome!) is { } golden)
        {
            Monitor.Activity.CountQuality(golden, time.GetUtcNow());
        }

        return completed.View(Id);
    }

    public async Task<WorkItemView> Escalate(string itemId, string specialistId, string targetQueueId, string reason)
    {
        EnsureWritable();
        var target = targetQueueId.Length > 0 ? targetQueueId : Settings.EscalationQueue;
        await KnowFinished(itemId);
        Decide(() => { Backlog.CheckEscalation(itemId, specialistId, target); return true; });
        await GrainFactory.Reference<IQueueGrain>(target).Get();

        // Decided after the await: another call may have changed the item meanwhile.
        var escalated = Decide(() => Backlog.Escalate(itemId, specialistId, target, reason, time.GetUtcNow()));
        Finished(escalated);
        await Journal.Write(escalated);
        await _escalations!.Deliver(escalated);
        return await Current(itemId);
    }

    public async Task<WorkItemView> ReceiveEscalation(WorkItemView item, string fromQueueId, string reason)
    {
        EnsureWritable();
        await KnowFinished(item.ItemId);
        if (Backlog.Find(item.ItemId) is null)
        {
            // An escalated item is never refused for a full queue: it must not be lost on its way.
            await Journal.MakeRoom(1);
            var (adopted, isNew) = Backlog.ReceiveEscalation(item.Arriving(), Journal.Partition, fromQueueId, reason, time.GetUtcNow());
            if (isNew)
            {
                Placed(adopted);
                Dispatch();
            }

            await Journal.Write(adopted);
        }

        return await Current(item.ItemId);
    }

    public Task<QueueStatsView> GetStats(TimeSpan atRiskWithin)
    {
        EnsureCreated();
        return Task.FromResult(Monitor.Stats(Backlog, atRiskWithin));
    }

    public Task CountQuality(Domain.Quality.QualityTally found)
    {
        EnsureCreated();
        Monitor.Activity.CountQuality(found, time.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<QueueStatsView> WatchStats(long knownVersion, TimeSpan atRiskWithin, TimeSpan maxWait)
    {
        EnsureCreated();
        return Monitor.Watch(Backlog, knownVersion, atRiskWithin, maxWait);
    }

    public Task<SpecialistQueueWork> WorkOf(string specialistId, DateTimeOffset since)
    {
        EnsureCreated();
        var mine = Backlog.HeldBy(specialistId).ToLookup(i => i.Status, i => i.View(Id));
        var (handled, handleTime, escalated) = _finished!.Tally.On(specialistId, since);
        return Task.FromResult(new SpecialistQueueWork([.. mine[WorkItemStatus.Handling]], [.. mine[WorkItemStatus.Reserved]], handled, handleTime, escalated));
    }

    /// <summary>Applies one backlog decision and writes the changed item; answers once it is durable.</summary>
    private async Task<WorkItemView> Change(string itemId, Func<WorkItem> decision, bool dispatch = false)
    {
        EnsureWritable();
        await KnowFinished(itemId);
        var changed = Decide(decision);
        if (dispatch)
        {
            Dispatch();
        }

        await Journal.Write(changed);
        return Latest(changed).View(Id);
    }

    /// <summary>A late call on a finished item is refused as such, not as unknown: bring the item into memory first.</summary>
    private Task KnowFinished(string itemId) => Backlog.Find(itemId) is null ? _finished!.FindById(itemId) : Task.CompletedTask;

    private void Finished(WorkItem item) => _finished!.Finished(item);

    /// <summary>A new open item took a place in the journal's newest partition.</summary>
    private WorkItem Placed(WorkItem item)
    {
        Journal.Placed();
        _finished!.Ledger.Opened(item.Partition);
        return item;
    }

    /// <summary>How long each sweep (and each arrival) keeps a queue with open items from being unloaded as idle.</summary>
    private static readonly TimeSpan KeepLoaded = TimeSpan.FromMinutes(2);

    /// <summary>Open items have deadlines: the queue stays loaded to watch them (alerts, its teams' numbers) however quiet it is.</summary>
    private void KeepLoadedWhileOpen()
    {
        if (Backlog.Waiting + Backlog.Held > 0)
        {
            this.DelayDeactivation(KeepLoaded);
        }
    }

    private Task SweepReservations()
    {
        if (Journal.Failure is not null)
        {
            return Task.CompletedTask;
        }

        var now = time.GetUtcNow();
        foreach (var (item, offeredTo) in Backlog.ExpireDue(now))
        {
            Journal.Write(item).Ignore();
            GrainFactory.Reference<ISpecialistDeskGrain>(offeredTo).OfferExpired(Id, item.ItemId).Ignore();
        }

        Dispatch();
        _finished!.Tally.ForgetBefore(now.AddDays(-1));
        Monitor.Sweep(Backlog, statsStore, Settings.ServingTeams, GrainFactory);
        KeepLoadedWhileOpen();
        _escalations!.RetryPending();
        _outcomes!.PublishInOrder();
        _finished!.CloseDue(Journal, Journal.Partition, Record.State.OutcomesHandedOverThrough);
        return _outcomes.RecordProgress();
    }

    private void StartSweeping() =>
        this.RegisterGrainTimer(SweepReservations, routing.Value.ReservationSweep, routing.Value.ReservationSweep);

    private void EnsureWritable()
    {
        EnsureCreated();
        if (Journal.Failure is not null)
        {
            DeactivateOnIdle();
            throw new OrleansException($"{Name} lost a write to storage and is reloading; retry the call", Journal.Failure);
        }
    }

    private QueueView EnsureCreated() => Record.Created ? View() : throw SafetyException.NotFound(Name.ToString());

    private async Task<WorkItemView> Current(string itemId) =>
        (Backlog.Find(itemId) ?? await _finished!.FindById(itemId))?.View(Id) ?? throw SafetyException.NotFound(Name.Item(itemId).ToString());

    /// <summary>The item as it is now: open in the backlog, or as it finished.</summary>
    private WorkItem Latest(WorkItem changed) => Backlog.Find(changed.ItemId) ?? _finished!.ById(changed.ItemId) ?? changed;

    private QueueView View() => new(Id, Settings, Backlog.Waiting, Backlog.Held,
        Record.State.CreateTime, Record.State.UpdateTime, Record.State.Version, Waiters.Count);

    private QueueRoute Route() => new(Id, Settings.HarmCategory, Settings.Languages, Settings.MinimumProficiency, Settings.ServingTeams, Settings.ExpectedHandleTime, Settings.RequiredRole);

    private IQueueDirectoryGrain Directory() => GrainFactory.Reference<IQueueDirectoryGrain>(IQueueDirectoryGrain.AllQueues);

    private static T Decide<T>(Func<T> decision) => Refusals.Rethrow(decision);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue {QueueId} recovered {Count} items of its open partitions and {Closed} closed partitions: read in {ReadMs:F0} ms, indexed by {TotalMs:F0} ms")]
    private static partial void LogRecovered(ILogger logger, string queueId, int count, int closed, double readMs, double totalMs);
}
