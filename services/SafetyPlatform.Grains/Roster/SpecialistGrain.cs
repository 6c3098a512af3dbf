using System.Collections.Immutable;
using System.Globalization;
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
    private SpecialistState _state = new();
    private string? _etag;

    /// <summary>When the last held item was finished, while the specialist still reads HANDLING (see <see cref="RoutingOptions.IdleGrace"/>).</summary>
    private (DateTimeOffset At, ChangeContext Change)? _finished;
    private IGrainTimer? _finishTimer;
    private IGrainTimer? _reconcileTimer;

    /// <summary>What storage holds; interleaved reads never see a change still being written.</summary>
    private SpecialistView? _committed;

    private SpecialistState S => _state;

    private string Id => this.GetPrimaryKeyString();

    private string What => $"specialists/{Id}";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Reload(cancellationToken);
        if (S.Created && S.DeactivateTime is null && S.ActivityState == ActivityState.Handling)
        {
            // A stop may have lost a pending return to AVAILABLE: ask the desk once activation is done.
            _reconcileTimer = this.RegisterGrainTimer(ReturnIfNothingHeld, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Makes a specialist found HANDLING with no item held (the silo stopped within the grace) AVAILABLE again.</summary>
    private async Task ReturnIfNothingHeld()
    {
        _reconcileTimer?.Dispose();
        if (S.ActivityState != ActivityState.Handling || _finished is not null)
        {
            return;
        }

        var work = await GrainFactory.Reference<ISpecialistDeskGrain>(Id).Work();
        if (work.Held.IsEmpty && S.ActivityState == ActivityState.Handling && _finished is null)
        {
            await Transition(ActivityState.Available, TransitionCause.WorkItemsFinished, new ChangeContext("system", "holds no work after a restart", null));
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_committed is not null)
        {
            await SettleFinishedWork();
        }
    }

    private async Task Reload(CancellationToken cancellationToken = default)
    {
        var (stored, etag) = await store.Load(Id, cancellationToken);
        _state = stored ?? new SpecialistState();
        _etag = etag;
        _committed = S.Created ? Snapshot() : null;
    }

    public async Task<SpecialistView> Create(string teamId, SpecialistProfile profile, string requestId)
    {
        if (S.Created)
        {
            if (requestId.Length > 0 && requestId == S.CreateRequestId)
            {
                // A retried create: make sure the team side finished too.
                await Team(S.TeamId).Join(Id);
                await Team(S.TeamId).MemberChanged(View());
                return View();
            }

            throw new SafetyException(SafetyErrorKind.AlreadyExists, $"{What} already exists");
        }

        var team = Team(teamId);
        await team.Get();
        // Join first: a team that lists an id whose specialist was never written ignores it,
        // whereas a written specialist missing from its team would be invisible.
        await team.Join(Id);

        var now = time.GetUtcNow();
        await Persist(() =>
        {
            S.Created = true;
            S.TeamId = teamId;
            S.Profile = profile;
            S.ActivityState = ActivityState.Offline;
            S.ActivityStateStart = now;
            S.CreateTime = now;
            S.UpdateTime = now;
            S.Version = 1;
            S.CreateRequestId = requestId;
        });

        await team.MemberChanged(View());
        return View();
    }

    public Task<SpecialistView> Get() => Task.FromResult(EnsureCreated());

    public Task<SpecialistView?> Find() => Task.FromResult(_committed);

    public async Task<SpecialistView> Update(SpecialistProfile values, ImmutableArray<string> fields, string? etag)
    {
        EnsureChangeable(etag);
        var updated = ProfileChanges.Apply(S.Profile, values, fields);
        if (!updated.SameAs(S.Profile))
        {
            var now = time.GetUtcNow();
            await Persist(() =>
            {
                S.Profile = updated;
                Touch(now);
            });
        }

        await Team(S.TeamId).MemberChanged(View());
        return View();
    }

    public async Task<SpecialistView> Move(string teamId, ChangeContext change)
    {
        EnsureChangeable(change.Etag);
        var from = S.TeamId;
        if (teamId != from)
        {
            var target = Team(teamId);
            await target.Get();
            await target.Join(Id);
            var now = time.GetUtcNow();
            await Persist(() =>
            {
                S.TeamId = teamId;
                Touch(now);
            });
            await Team(from).Leave(Id);
        }

        await Team(S.TeamId).MemberChanged(View());
        return View();
    }

    public async Task<SpecialistView> Deactivate(ChangeContext change)
    {
        EnsureCreated();
        if (S.DeactivateTime is not null)
        {
            return View();
        }

        CheckEtag(change.Etag);
        await SettleFinishedWork();
        if (S.ActivityState == ActivityState.Handling)
        {
            throw SafetyException.FailedPrecondition($"{What} is HANDLING work; finish or release it before deactivating");
        }

        var now = time.GetUtcNow();
        var record = S.ActivityState == ActivityState.Offline ? null : NewTransition(ActivityState.Offline, change, now);
        await Persist(record, () =>
        {
            if (record is not null)
            {
                EnterState(record, now);
            }

            S.DeactivateTime = now;
            Touch(now);
        });

        await Team(S.TeamId).MemberChanged(View());
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
        // The next item within the grace: they never stopped handling.
        _finished = null;
        return S.ActivityState == ActivityState.Handling && S.DeactivateTime is null
            ? Task.FromResult(View())
            : Transition(ActivityState.Handling, TransitionCause.WorkItemTaken, change);
    }

    public async Task<SpecialistView> FinishHandling(ChangeContext change)
    {
        if (S.ActivityState != ActivityState.Handling)
        {
            return View();
        }

        var grace = routing.Value.IdleGrace;
        if (grace <= TimeSpan.Zero)
        {
            return await Transition(ActivityState.Available, TransitionCause.WorkItemsFinished, change);
        }

        _finished = (time.GetUtcNow(), change);
        // Checked a tenth of the grace apart after it, so the change lands at most that late.
        _finishTimer ??= this.RegisterGrainTimer(FinishIfStillIdle, grace, grace / 10);
        return View();
    }

    /// <summary>Makes a specialist whose grace has passed AVAILABLE, as of when they finished.</summary>
    private async Task FinishIfStillIdle()
    {
        if (_finished is { } finished && time.GetUtcNow() - finished.At < routing.Value.IdleGrace)
        {
            return;
        }

        // On a failed write the pending finish stays, and the timer tries again.
        await SettleFinishedWork();
        _finishTimer?.Dispose();
        _finishTimer = null;
    }

    /// <summary>Writes a pending return to AVAILABLE now, so that the next change starts from it.</summary>
    private async Task SettleFinishedWork()
    {
        if (_finished is { } finished)
        {
            _finished = null;
            if (S.ActivityState == ActivityState.Handling && S.DeactivateTime is null)
            {
                try
                {
                    await Transition(ActivityState.Available, TransitionCause.WorkItemsFinished, finished.Change with { Etag = null }, finished.At);
                }
                catch
                {
                    _finished ??= finished;
                    throw;
                }
            }
        }
    }

    private async Task<SpecialistView> Transition(ActivityState target, TransitionCause cause, ChangeContext change, DateTimeOffset? at = null)
    {
        EnsureChangeable(change.Etag);
        if (target != S.ActivityState)
        {
            var verdict = ActivityTransitions.Check(S.ActivityState, target, cause);
            if (!verdict.Allowed)
            {
                throw SafetyException.FailedPrecondition(verdict.Refusal!);
            }

            var now = time.GetUtcNow();
            var effective = at is { } given && given < now && given >= S.ActivityStateStart ? given : now;
            var record = NewTransition(target, change, effective);
            await Persist(record, () =>
            {
                EnterState(record, effective);
                Touch(now);
            });
        }

        await Team(S.TeamId).MemberChanged(View());
        return View();
    }

    public async Task<ImmutableArray<ActivityTransitionRecord>> ListTransitions(long afterSequence, int pageSize)
    {
        EnsureCreated();
        var page = await store.ReadHistory(Id, afterSequence, S.TransitionCount, pageSize);
        return [.. page];
    }

    /// <summary>The history entry of a transition; written together with the state that counts it.</summary>
    private ActivityTransitionRecord NewTransition(ActivityState target, ChangeContext change, DateTimeOffset now)
    {
        var record = new ActivityTransitionRecord(
            S.TransitionCount + 1,
            S.ActivityState,
            target,
            now,
            change.Actor.Length > 0 ? change.Actor : What,
            change.Reason);
        return record;
    }

    private void EnterState(ActivityTransitionRecord record, DateTimeOffset now)
    {
        var clock = new ActivityClock(S.ActivityState, S.ActivityStateStart, S.CompletedActivityTime).Enter(record.To, now);
        S.ActivityState = clock.State;
        S.ActivityStateStart = clock.StateStart;
        S.CompletedActivityTime = new Dictionary<ActivityState, TimeSpan>(clock.CompletedTime);
        S.TransitionCount = record.Sequence;
    }

    private void Touch(DateTimeOffset now)
    {
        S.UpdateTime = now;
        S.Version++;
    }

    private Task Persist(Action change) => Persist(null, change);

    /// <summary>
    /// Applies the change and writes it (with its history entry) in one transaction. When the
    /// write fails, memory may hold a change storage does not: read back what storage holds
    /// (the write may even have landed), or drop the activation if storage cannot be read.
    /// </summary>
    private async Task Persist(ActivityTransitionRecord? transition, Action change)
    {
        // A desk can hold a view only of a specialist already written: creating one tells no desk
        // (that would activate one per specialist created, for nothing).
        var deskMayKnow = _committed is not null;
        change();
        try
        {
            _etag = await store.Save(Id, S, transition, _etag);
            _committed = Snapshot();
        }
        catch
        {
            try
            {
                await Reload();
            }
            catch (Exception)
            {
                DeactivateOnIdle();
            }

            throw;
        }

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
        _committed ?? throw SafetyException.NotFound(What);

    private void EnsureChangeable(string? etag)
    {
        EnsureCreated();
        if (S.DeactivateTime is not null)
        {
            throw SafetyException.FailedPrecondition($"{What} is deactivated");
        }

        CheckEtag(etag);
    }

    private void CheckEtag(string? etag)
    {
        var current = S.Version.ToString(CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(etag) && etag != current)
        {
            throw SafetyException.StaleEtag(What, current);
        }
    }

    private ITeamGrain Team(string teamId) => GrainFactory.Reference<ITeamGrain>(teamId);

    private SpecialistView View() => _committed ?? throw SafetyException.NotFound(What);

    private SpecialistView Snapshot() => new(
        Id, S.TeamId, S.Profile, S.ActivityState, S.ActivityStateStart, S.DeactivateTime, S.CreateTime, S.UpdateTime, S.Version);
}
