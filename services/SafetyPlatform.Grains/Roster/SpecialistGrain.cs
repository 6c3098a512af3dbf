using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Grains.Work;

namespace SafetyPlatform.Grains.Roster;

/// <summary>
/// One specialist. Every change is written to storage before the call returns; the team is
/// told afterwards so that its live view follows. When a write fails the activation is
/// dropped, so the next call reloads what storage really holds.
/// </summary>
public sealed partial class SpecialistGrain(ISpecialistStore store, IOptions<RoutingOptions> routing, TimeProvider time, ILogger<SpecialistGrain> logger)
    : Grain, ISpecialistGrain
{
    private SpecialistRecord? _record;
    private readonly IdleGrace _grace = new(routing.Value.IdleGrace);
    private IGrainTimer? _graceTimer;
    private IGrainTimer? _reconcileTimer;

    private string Id => this.GetPrimaryKeyString();

    private SpecialistRecord Record => _record ??= new SpecialistRecord(store, Id);

    private string Name => Record.Name;

    private SpecialistState State => Record.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Record.Load(cancellationToken);
        if (State.Created && State.DeactivateTime is null && State.ActivityState == ActivityState.Handling)
        {
            // A stop may have lost a pending return to AVAILABLE: ask the desk once activation is done.
            _reconcileTimer = this.RegisterGrainTimer(ReturnIfNothingHeld, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Makes a specialist found HANDLING with no item held (the silo stopped within the grace) AVAILABLE again.</summary>
    private async Task ReturnIfNothingHeld()
    {
        _reconcileTimer?.Dispose();
        if (State.ActivityState != ActivityState.Handling || _grace.Pending is not null)
        {
            return;
        }

        var work = await GrainFactory.Reference<ISpecialistDeskGrain>(Id).Work();
        if (work.Held.IsEmpty && State.ActivityState == ActivityState.Handling && _grace.Pending is null)
        {
            await Transition(ActivityState.Available, TransitionCause.WorkItemsFinished, new ChangeContext("system", "holds no work after a restart", null));
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (Record.Committed is not null)
        {
            await SettleFinishedWork();
        }
    }

    public async Task<SpecialistView> Create(string teamId, SpecialistProfile profile, string requestId)
    {
        if (State.Created)
        {
            if (requestId.Length > 0 && requestId == State.CreateRequestId)
            {
                // A retried create: make sure the team side finished too.
                await Team(State.TeamId).Join(Id);
                await Team(State.TeamId).MemberChanged(View());
                return View();
            }

            throw new SafetyException(SafetyErrorKind.AlreadyExists, $"{Name} already exists");
        }

        var team = Team(teamId);
        await team.Get();
        // Join first: a team that lists an id whose specialist was never written ignores it,
        // whereas a written specialist missing from its team would be invisible.
        await team.Join(Id);

        var now = time.GetUtcNow();
        await Persist(() =>
        {
            State.Created = true;
            State.TeamId = teamId;
            State.Profile = profile;
            State.ActivityState = ActivityState.Offline;
            State.ActivityStateStart = now;
            State.CreateTime = now;
            State.UpdateTime = now;
            State.Version = 1;
            State.CreateRequestId = requestId;
        });

        await team.MemberChanged(View());
        return View();
    }

    public Task<SpecialistView> Get() => Task.FromResult(EnsureCreated());

    public Task<SpecialistView?> Find() => Task.FromResult(Record.Committed);

    public async Task<SpecialistView> Update(SpecialistProfile values, ImmutableArray<string> fields, string? etag)
    {
        EnsureChangeable(etag);
        var updated = ProfileChanges.Apply(State.Profile, values, fields);
        if (!updated.SameAs(State.Profile))
        {
            var now = time.GetUtcNow();
            await Persist(() =>
            {
                State.Profile = updated;
                Record.Touch(now);
            });
        }

        await Team(State.TeamId).MemberChanged(View());
        return View();
    }

    public async Task<SpecialistView> Move(string teamId, ChangeContext change)
    {
        EnsureChangeable(change.Etag);
        var from = State.TeamId;
        if (teamId != from)
        {
            var target = Team(teamId);
            await target.Get();
            await target.Join(Id);
            var now = time.GetUtcNow();
            await Persist(() =>
            {
                State.TeamId = teamId;
                Record.Touch(now);
            });
            await Team(from).Leave(Id);
        }

        await Team(State.TeamId).MemberChanged(View());
        return View();
    }

    public async Task<SpecialistView> Deactivate(ChangeContext change)
    {
        EnsureCreated();
        if (State.DeactivateTime is not null)
        {
            return View();
        }

        Record.CheckEtag(change.Etag);
        await SettleFinishedWork();
        if (State.ActivityState == ActivityState.Handling)
        {
            throw SafetyException.FailedPrecondition($"{Name} is HANDLING work; finish or release it before deactivating");
        }

        var now = time.GetUtcNow();
        var record = State.ActivityState == ActivityState.Offline ? null : Record.NewTransition(ActivityState.Offline, change, now);
        await Persist(record, () =>
        {
            if (record is not null)
            {
                Record.EnterState(record, now);
            }

            State.DeactivateTime = now;
            Record.Touch(now);
        });

        await Team(State.TeamId).MemberChanged(View());
        return View();
    }

    public async Task<SpecialistView> SetActivityState(ActivityState target, ChangeContext change)
    {
        EnsureChangeable(change.Etag);
        await SettleFinishedWork();
        return await Transition(target, TransitionCause.Manual, change with { Etag = null });
    }

    public Task<SpecialistView> StartHandling(ChangeContext change)
    {
        _grace.ItemTaken();
        return State.ActivityState == ActivityState.Handling && State.DeactivateTime is null
            ? Task.FromResult(View())
            : Transition(ActivityState.Handling, TransitionCause.WorkItemTaken, change);
    }

    public async Task<SpecialistView> FinishHandling(ChangeContext change)
    {
        if (State.ActivityState != ActivityState.Handling)
        {
            return View();
        }

        if (_grace.ReturnsAtOnce)
        {
            return await Transition(ActivityState.Available, TransitionCause.WorkItemsFinished, change);
        }

        _grace.LastItemFinished(new FinishedWork(time.GetUtcNow(), change.Actor, change.Reason));
        _graceTimer ??= this.RegisterGrainTimer(ReturnWhenGraceRunsOut, _grace.Length, _grace.CheckInterval);
        return View();
    }

    private async Task ReturnWhenGraceRunsOut()
    {
        if (_grace.Pending is not null && !_grace.HasRunOut(time.GetUtcNow()))
        {
            return;
        }

        // On a failed write the pending finish stays, and the timer tries again.
        await SettleFinishedWork();
        _graceTimer?.Dispose();
        _graceTimer = null;
    }

    /// <summary>Writes a pending return to AVAILABLE now, so that the next change starts from it.</summary>
    private async Task SettleFinishedWork()
    {
        if (_grace.Settle() is not { } finished || State.ActivityState != ActivityState.Handling || State.DeactivateTime is not null)
        {
            return;
        }

        try
        {
            await Transition(ActivityState.Available, TransitionCause.WorkItemsFinished, new ChangeContext(finished.Actor, finished.Reason, null), finished.At);
        }
        catch
        {
            _grace.Restore(finished);
            throw;
        }
    }

    private async Task<SpecialistView> Transition(ActivityState target, TransitionCause cause, ChangeContext change, DateTimeOffset? at = null)
    {
        EnsureChangeable(change.Etag);
        if (target != State.ActivityState)
        {
            var verdict = ActivityTransitions.Check(State.ActivityState, target, cause);
            if (!verdict.Allowed)
            {
                throw SafetyException.FailedPrecondition(verdict.Refusal!);
            }

            var now = time.GetUtcNow();
            var effective = at is { } requested ? IdleGrace.EffectiveTime(requested, State.ActivityStateStart, now) : now;
            var record = Record.NewTransition(target, change, effective);
            await Persist(record, () =>
            {
                Record.EnterState(record, effective);
                Record.Touch(now);
            });
        }

        await Team(State.TeamId).MemberChanged(View());
        return View();
    }

    public async Task<ImmutableArray<ActivityTransitionRecord>> ListTransitions(long afterSequence, int pageSize)
    {
        EnsureCreated();
        var page = await Record.ReadHistory(afterSequence, pageSize);
        return [.. page];
    }

    private Task Persist(Action change) => Persist(null, change);

    /// <summary>Applies the change and writes it (with its history entry); drops the activation if storage cannot even be read back.</summary>
    private async Task Persist(ActivityTransitionRecord? transition, Action change)
    {
        // A desk can hold a view only of a specialist already written: creating one tells no desk
        // (that would activate one per specialist created, for nothing).
        var deskMayKnow = Record.Committed is not null;
        await Record.Save(transition, change, DeactivateOnIdle);
        if (deskMayKnow)
        {
            await TellDesk(View());
        }
    }

    /// <summary>
    /// Tells the specialist's desk the committed view, so that routing follows it without asking
    /// on every request. The change is durable already: a lost notice must not fail it, and the
    /// desk asks again after a few seconds in any case.
    /// </summary>
    private async Task TellDesk(SpecialistView view)
    {
        try
        {
            await GrainFactory.Reference<ISpecialistDeskGrain>(Id).SpecialistChanged(view);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogDeskNotTold(logger, Id, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The desk of specialist {Specialist} was not told of a change (it asks again within seconds): {Reason}")]
    private static partial void LogDeskNotTold(ILogger logger, string specialist, string reason);

    private SpecialistView EnsureCreated() =>
        Record.Committed ?? throw SafetyException.NotFound(Name);

    private void EnsureChangeable(string? etag)
    {
        EnsureCreated();
        if (State.DeactivateTime is not null)
        {
            throw SafetyException.FailedPrecondition($"{Name} is deactivated");
        }

        Record.CheckEtag(etag);
    }

    private ITeamGrain Team(string teamId) => GrainFactory.Reference<ITeamGrain>(teamId);

    private SpecialistView View() => Record.Committed ?? throw SafetyException.NotFound(Name);
}
