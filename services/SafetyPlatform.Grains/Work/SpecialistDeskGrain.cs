using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;
using SafetyPlatform.Domain.Work;
using SafetyPlatform.Grains.Monitoring;
using SafetyPlatform.Grains.Roster;
using SafetyPlatform.Grains.Abstractions.Wellbeing;
using SafetyPlatform.Grains.Wellbeing;

namespace SafetyPlatform.Grains.Work;

/// <summary>
/// Routes one specialist: picks the best next item across the queues their team serves, and
/// keeps their activity state in step with the items they hold (HANDLING while they hold any).
/// The queues stay the authority on items; the desk only remembers which it has seen held or
/// offered, and rebuilds that from the queues when it activates. Reentrant, so one
/// specialist's calls overlap while queues write; a slot is counted as taken before any await,
/// so overlapping requests never exceed the specialist's concurrency.
/// </summary>
[Orleans.Concurrency.Reentrant]
public sealed class SpecialistDeskGrain(
    [PersistentState("day", StorageNames.Roster)] IPersistentState<SpecialistDayState> day,
    ISpecialistDayStore history,
    IExposureStore exposure,
    IOptions<RoutingOptions> routing,
    ILogger<SpecialistDeskGrain> logger,
    TimeProvider time) : Grain, ISpecialistDeskGrain
{
    private readonly DeskSlots _slots = new(routing.Value.ReservationSweep * 2);
    private readonly ChangeSignal _slotFreed = new();
    private readonly CommittedSpecialist _me = new(time);
    private readonly SpecialistDayKeeper _today = new(day, history, time);
    private DeskWellbeing _wellbeing = null!;

    private string Id => this.GetPrimaryKeyString();

    private ChangeContext BySelf(string reason) => new($"specialists/{Id}", reason, null);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _wellbeing = new DeskWellbeing(Id, exposure, time, logger);
        await _wellbeing.Load();
        _me.Changed = FollowSpecialist;
        var me = await Roster().Find();
        if (me is null)
        {
            return;
        }

        await StartDay(me);
        var since = time.GetUtcNow().UtcDateTime.Date;
        var held = new List<WorkItemView>();
        var routes = await Directory().ServedBy(me.TeamId);
        _wellbeing.Know(routes);
        foreach (var route in routes)
        {
            var work = await Queue(route.QueueId).WorkOf(Id, since);
            held.AddRange(work.Held);
            foreach (var item in work.Held)
            {
                _slots.Hold(route.QueueId, item.ItemId);
            }

            foreach (var offer in work.Offers)
            {
                Offered(route.QueueId, offer);
            }
        }

        await _wellbeing.Reconcile(held, FindItem);
        // Last, so that following the roster's state (a break that began while the desk was
        // away, say) sees the items held.
        _me.Remember(me);
    }

    /// <summary>Each newer version of the specialist: the ledger follows breaks and shifts, and a break may return the items in hand.</summary>
    private void FollowSpecialist(SpecialistView? before, SpecialistView after)
    {
        if (_wellbeing.Follow(before, after))
        {
            ReturnItemsForWellnessBreak(after).Ignore();
        }
    }

    /// <summary>An item as its queue has it now; null when it cannot be found or the queue cannot say.</summary>
    private async Task<WorkItemView?> FindItem(string queueId, string itemId)
    {
        try
        {
            return await Queue(queueId).GetItem(itemId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    public async Task<WorkItemView?> Next()
    {
        var me = await ActiveSelf();
        if (!HasFreeSlot(me))
        {
            return null;
        }

        _slots.Asking(1);
        try
        {
            return await Reserve(me) is { } offer ? (await _wellbeing.AsShownTo(me, [offer], GrainFactory))[0] : null;
        }
        finally
        {
            _slots.DoneAsking(1);
        }
    }

    public async Task<ImmutableArray<WorkItemView>> WaitForOffers(TimeSpan maxWait)
    {
        var me = await ActiveSelf();
        var profile = await RoutingNow(me);
        var routes = await ServedQueues(me, profile);
        var availability = Availability(me);
        var free = availability.FreeSlots;
        if (routes.Count == 0 || !Eligibility.ToTakeWork(Candidate(me), availability).IsEligible)
        {
            // Nothing to wait on yet: wait a little for a slot to free (or the state to change), then let the caller ask again.
            await _slotFreed.Wait(maxWait < StatePoll ? maxWait : StatePoll, time);
            return [];
        }

        // The free slots count as taken while the queues are asked, so that overlapping requests never exceed them.
        _slots.Asking(free);
        try
        {
            var idleSince = SpecialistAvailability.IdleSince(me.ActivityState, me.ActivityStateStart, time.GetUtcNow());
            var waits = routes.Select(r => (r.QueueId, Wait: Queue(r.QueueId).WaitForOffers(profile, free, idleSince, maxWait))).ToList();
            var offers = await OffersAcrossQueues.Gather(GrainFactory, Id, free, waits);
            foreach (var (queueId, offer) in offers)
            {
                NewOffer(queueId, offer);
            }

            return await _wellbeing.AsShownTo(me, [.. offers.Select(o => o.Offer)], GrainFactory);
        }
        finally
        {
            _slots.DoneAsking(free);
        }
    }

    private static readonly TimeSpan StatePoll = TimeSpan.FromSeconds(1);

    private void SlotFreed() => _slotFreed.Fire();

    /// <summary>The specialist, refused outright (not just offered nothing) when the Deactivated rule says no.</summary>
    private async Task<SpecialistView> ActiveSelf()
    {
        var me = await Self();
        var verdict = Eligibility.ToTakeWork(Candidate(me), Availability(me));
        return verdict.Rule == EligibilityRule.Deactivated ? throw SafetyException.FailedPrecondition(verdict.Reason) : me;
    }

    /// <summary>NOT_FOUND for a specialist who was never created; once seen, never asked again (specialists are never deleted).</summary>
    private Task EnsureSpecialistExists() => _me.Known ? Task.CompletedTask : Self();

    private Task<SpecialistView> Self() => _me.Get(() => Roster().Get());

    /// <summary>
    /// Before an item leaves their hands, its accept is durable in the ledger (it almost always is
    /// already): its end can then always be read again from the item's history after a crash.
    /// </summary>
    private async Task BeforeLettingGo()
    {
        await EnsureSpecialistExists();
        await EnsureDurable(_wellbeing.Flushed());
    }

    public Task SpecialistChanged(SpecialistView view)
    {
        var teamBefore = _me.TeamId;
        _today.RosterChanged(_me.Remember(view), teamBefore, GrainFactory);
        return Task.CompletedTask;
    }

    /// <summary>On a wellness break, the items in hand go back to their queues when the team's policy says so.</summary>
    private async Task ReturnItemsForWellnessBreak(SpecialistView me)
    {
        if (!await _wellbeing.ReturnsItemsOnWellnessBreak(me, GrainFactory))
        {
            return;
        }

        foreach (var (queueId, itemId) in _slots.Held.ToList())
        {
            try
            {
                await Release(queueId, itemId, "returned to the queue: the specialist took a wellness break (team policy)");
            }
            catch (SafetyException)
            {
                // Finished or moved meanwhile: it is no longer theirs to return.
            }
        }
    }

    public async Task<SpecialistDayRecord?> Today() => await DayOfKnownSpecialist() ? _today.Today?.Keep() : null;

    public async Task<DateOnly?> StoreClosedDays()
    {
        if (!await DayOfKnownSpecialist())
        {
            return null;
        }

        await _today.Store();
        return _today.Today!.Day;
    }

    /// <summary>Brings the day up to date for a specialist who exists; false for one never created.</summary>
    private async Task<bool> DayOfKnownSpecialist()
    {
        if (!_me.Known && await Roster().Find() is null)
        {
            return false;
        }

        await DayUpToDate();
        return true;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await _wellbeing.Flushed();
        }
        finally
        {
            await _today.Store();
        }
    }

    public async Task QualityFound(Domain.Quality.QualityTally found)
    {
        await DayUpToDate();
        _today.Note((day, now) => day.QualityFound(found, now));
    }

    public async Task<SpecialistStatsView> Stats()
    {
        var me = await DayUpToDate();
        var now = time.GetUtcNow();
        return SpecialistStatsView.Of(me, now, [.. _slots.Held], _slots.OpenOffers(now), _today.Today!);
    }

    public async Task<MemberWellbeingView> Wellbeing() => await _wellbeing.Summary(await Self(), GrainFactory);

    public Task PersonalWellbeingChanged(PersonalWellbeingView personal)
    {
        _wellbeing.PersonalWellbeingChanged(personal);
        return Task.CompletedTask;
    }

    public async Task<ExposureView> Exposure()
    {
        var me = await Self();
        return await _wellbeing.View(me, GrainFactory);
    }

    /// <summary>Starts the day if the desk came up before the specialist was created, and brings it up to the roster's state.</summary>
    private async Task<SpecialistView> DayUpToDate()
    {
        var me = await Self();
        if (_today.Today is null)
        {
            await StartDay(me);
        }

        _today.Follow(me);
        return me;
    }

    private async Task StartDay(SpecialistView me)
    {
        _today.Start(me, (await GrainFactory.Reference<ITeamGrain>(me.TeamId).Get()).Profile.TimeZone);
        this.RegisterGrainTimer(_today.Store, SpecialistDayKeeper.StoreEvery, SpecialistDayKeeper.StoreEvery);
        this.RegisterGrainTimer(ReportWellbeingAlerts, DeskWellbeing.AlertCheck, DeskWellbeing.AlertCheck);
    }

    private async Task ReportWellbeingAlerts()
    {
        try
        {
            await _wellbeing.ReportAlerts(await Self(), GrainFactory);
        }
        catch (SafetyException)
        {
            // The specialist or their team cannot be read now: the next check tries again.
        }
    }

    /// <summary>In a state to take work, with a slot not taken by held items, offers or requests in flight.</summary>
    private bool HasFreeSlot(SpecialistView me) => Eligibility.ToTakeWork(Candidate(me), Availability(me)).IsEligible;

    private SpecialistAvailability Availability(SpecialistView me) =>
        new(me.Deactivated, me.ActivityState, _slots.Taken(time.GetUtcNow()), me.Profile.MaxConcurrentItems);

    private void Offered(string queueId, WorkItemView offer)
    {
        _slots.Offered(queueId, offer.ItemId, offer.ReservationExpiry ?? time.GetUtcNow());
        _wellbeing.Offered(queueId, offer);
    }

    /// <summary>
    /// The routing profile with where the specialist stands against their team's wellbeing policy
    /// now. After a failed exposure write the desk reloads its ledger once this call is done.
    /// </summary>
    private async Task<RoutingProfile> RoutingNow(SpecialistView me)
    {
        if (_wellbeing.Failed)
        {
            DeactivateOnIdle();
        }

        return Profile(me) with { Wellbeing = await _wellbeing.Standing(me, GrainFactory) };
    }

    /// <summary>A write the caller's answer waits for; when it fails the desk reloads its exposure from storage on its next call.</summary>
    private async Task EnsureDurable(Task write)
    {
        try
        {
            await write;
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>An offer routing just made them (not one found again at activation, not a transfer): it counts in their day.</summary>
    private void NewOffer(string queueId, WorkItemView offer)
    {
        Offered(queueId, offer);
        _today.Note((d, now) => d.Offered(1, now));
    }

    /// <summary>The queues the specialist's team serves whose items they may take (team, skills, proficiency).</summary>
    private async Task<List<QueueRoute>> ServedQueues(SpecialistView me, RoutingProfile profile)
    {
        var candidate = profile.Candidate();
        var routes = await Directory().ServedBy(me.TeamId);
        _wellbeing.Know(routes);
        return [.. routes.Where(r => Eligibility.ForQueue(candidate, r.Routing()).IsEligible)];
    }

    private async Task<WorkItemView?> Reserve(SpecialistView me)
    {
        var profile = await RoutingNow(me);
        var routes = await ServedQueues(me, profile);
        foreach (var queueId in await InRoutingOrder(routes, profile))
        {
            var offer = await Queue(queueId).Offer(profile);
            if (offer is not null)
            {
                NewOffer(queueId, offer);
                return offer;
            }
        }

        return null;
    }

    public async Task<WorkItemView> Accept(string queueId, string itemId)
    {
        var me = await Self();
        var verdict = Eligibility.ToStartOffered(Candidate(me), Availability(me));
        if (!verdict.IsEligible)
        {
            throw SafetyException.FailedPrecondition($"{verdict.Reason}; specialists/{Id} cannot start work now");
        }

        _slots.Accepting();
        try
        {
            var item = await AcceptWithinLimits(me, queueId, itemId);
            try
            {
                await Roster().StartHandling(BySelf($"accepted queues/{queueId}/workItems/{itemId}"));
            }
            catch (SafetyException)
            {
                // The specialist changed state meanwhile: hand the item back rather than hold it idle.
                await EnsureDurable(_wellbeing.Flushed());
                _wellbeing.LeftHands(await Queue(queueId).Release(itemId, Id, "the specialist could not start handling"));
                _slots.LetGo(queueId, itemId);
                throw;
            }

            return item;
        }
        finally
        {
            _slots.DoneAccepting();
            if (_slots.NothingInHand)
            {
                await Roster().FinishHandling(BySelf("no work held"));
            }
        }
    }

    /// <summary>
    /// The accept checked against the wellbeing limits again (another item accepted since the
    /// offer may have used what this one needs), then made; an accept in flight counts in the
    /// ledger from its check, so two made together cannot pass a limit between them.
    /// </summary>
    private async Task<WorkItemView> AcceptWithinLimits(SpecialistView me, string queueId, string itemId)
    {
        await _wellbeing.EnsureAllowsAccept(me, queueId, itemId, GrainFactory);
        WorkItemView item;
        try
        {
            item = await Queue(queueId).Accept(itemId, Id);
        }
        catch (Exception e)
        {
            _wellbeing.AcceptFailed(queueId, itemId);
            // Expired, lost in a restart of its queue, or never ours: it no longer takes a slot.
            if (e is SafetyException && _slots.OfferGone(queueId, itemId))
            {
                SlotFreed();
            }

            throw;
        }

        _slots.OfferGone(queueId, itemId);
        _slots.Hold(queueId, itemId);
        _wellbeing.Accepted(item);
        return item;
    }

    public async Task<WorkItemView> Reject(string queueId, string itemId, string reason)
    {
        await EnsureSpecialistExists();
        var item = await Queue(queueId).Reject(itemId, Id, reason);
        _today.Note((d, now) => d.Rejection(now));
        _slots.OfferGone(queueId, itemId);
        _wellbeing.OfferGone(queueId, itemId);
        SlotFreed();
        return item;
    }

    public async Task<WorkItemView> Complete(string queueId, string itemId, WorkOutcome outcome)
    {
        await BeforeLettingGo();
        var item = await Queue(queueId).Complete(itemId, Id, outcome);
        _today.Note((d, now) => d.Completion(item.Outcome!.HandleTime, item.Deadline, item.Outcome.CompleteTime));
        if (Domain.Quality.GoldenItems.ScoreOf(item.Submission, item.Outcome!) is { } golden)
        {
            _today.Note((d, now) => d.QualityFound(golden, now));
        }

        await Finished(item, "completed");
        return item;
    }

    public async Task<WorkItemView> Release(string queueId, string itemId, string reason)
    {
        await BeforeLettingGo();
        var item = await Queue(queueId).Release(itemId, Id, reason);
        _today.Note((d, now) => d.Release(now));
        await Finished(item, "released");
        return item;
    }

    public async Task<WorkItemView> Escalate(string queueId, string itemId, string targetQueueId, string reason)
    {
        await BeforeLettingGo();
        var item = await Queue(queueId).Escalate(itemId, Id, targetQueueId, reason);
        _today.Note((d, now) => d.Escalation(now));
        await Finished(item, "escalated");
        return item;
    }

    public async Task<WorkItemView> Transfer(string queueId, string itemId, string toSpecialistId, string reason)
    {
        await BeforeLettingGo();
        var item = await GrainFactory.Reference<ISpecialistDeskGrain>(toSpecialistId).ReceiveTransfer(queueId, itemId, Id, reason);
        await Finished(item, "transferred");
        return item;
    }

    public async Task<WorkItemView> ReceiveTransfer(string queueId, string itemId, string fromSpecialistId, string reason)
    {
        var me = await Self();
        var verdict = Eligibility.ToTakeWork(Candidate(me), Availability(me));
        if (!verdict.IsEligible)
        {
            throw SafetyException.FailedPrecondition($"specialists/{Id} cannot take a transfer now: {verdict.Reason}");
        }

        _slots.Asking(1);
        try
        {
            var offer = await Queue(queueId).Transfer(itemId, fromSpecialistId, await RoutingNow(me), reason);
            Offered(queueId, offer);
            return offer;
        }
        finally
        {
            _slots.DoneAsking(1);
        }
    }

    public async Task<SpecialistQueueWork> Work()
    {
        var me = await Self();
        var since = time.GetUtcNow().UtcDateTime.Date;
        return SpecialistQueueWork.Sum(await Task.WhenAll((await Directory().ServedBy(me.TeamId)).Select(r => Queue(r.QueueId).WorkOf(Id, since))));
    }

    public async Task OfferExpired(string queueId, string itemId)
    {
        _wellbeing.OfferGone(queueId, itemId);
        if (_slots.OfferGone(queueId, itemId))
        {
            _today.Note((d, now) => d.Expiry(now));
        }

        SlotFreed();
        var target = routing.Value.OfferTimeoutState;
        if (target == ActivityState.Unspecified)
        {
            return;
        }

        try
        {
            await Roster().SetActivityState(target, new ChangeContext("system", $"offer of queues/{queueId}/workItems/{itemId} expired", null));
        }
        catch (SafetyException)
        {
            // Not allowed from the current state (HANDLING other items, already there): leave it.
        }
    }

    /// <summary>An item left the specialist's hands: its slot is free, and its exposure ended when its history says.</summary>
    private async Task Finished(WorkItemView item, string action)
    {
        _slots.LetGo(item.QueueId, item.ItemId);
        _wellbeing.LeftHands(item);
        SlotFreed();
        if (_slots.NothingInHand)
        {
            await Roster().FinishHandling(BySelf($"{action} queues/{item.QueueId}/workItems/{item.ItemId}"));
        }
    }

    /// <summary>Queues ordered by the item each would offer now; one queue needs no asking.</summary>
    private async Task<IReadOnlyList<string>> InRoutingOrder(List<QueueRoute> routes, RoutingProfile profile)
    {
        if (routes.Count <= 1)
        {
            return [.. routes.Select(r => r.QueueId)];
        }

        var heads = await Task.WhenAll(routes.Select(async r => (r.QueueId, Head: await Queue(r.QueueId).Peek(profile))));
        return [.. heads.Where(h => h.Head is not null).OrderBy(h => h.Head!.Entry(), BacklogOrder.Instance).Select(h => h.QueueId)];
    }

    private RoutingProfile Profile(SpecialistView me) => _me.RoutingOf(me);

    private RoutingCandidate Candidate(SpecialistView me) => Profile(me).Candidate();

    public async Task<ImmutableArray<RoutingExplanationView>> ExplainRouting(string queueId)
    {
        var me = await Self();
        IEnumerable<string> queueIds = queueId.Length > 0 ? [queueId] : (await Directory().ServedBy(me.TeamId)).Select(r => r.QueueId);
        var profile = await RoutingNow(me);
        return [.. await Task.WhenAll(queueIds.Select(id => Queue(id).Explain(profile, Availability(me))))];
    }

    private ISpecialistGrain Roster() => GrainFactory.Reference<ISpecialistGrain>(Id);

    private IQueueGrain Queue(string queueId) => GrainFactory.Reference<IQueueGrain>(queueId);

    private IQueueDirectoryGrain Directory() => GrainFactory.Reference<IQueueDirectoryGrain>(IQueueDirectoryGrain.AllQueues);
}
