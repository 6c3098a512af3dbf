using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Grains.Roster;

/// <summary>
/// One specialist's stored record as its grain holds it: the state being changed, the tag of
/// the stored copy, and the committed view that reads see. A change is applied in memory and
/// written with its history entry in one transaction; when the write fails, what storage
/// really holds is read back (the write may even have landed).
/// </summary>
public sealed class SpecialistRecord(ISpecialistStore store, string specialistId)
{
    private string? _etag;

    /// <summary>The state, including a change still being written.</summary>
    public SpecialistState State { get; private set; } = new();

    /// <summary>What storage holds; interleaved reads never see a change still being written. Null until created.</summary>
    public SpecialistView? Committed { get; private set; }

    /// <summary>The specialist's resource name, for messages and history.</summary>
    public string Name { get; } = new SpecialistName(specialistId).ToString();

    public async Task Load(CancellationToken cancellationToken = default)
    {
        var (stored, etag) = await store.Load(specialistId, cancellationToken);
        State = stored ?? new SpecialistState();
        _etag = etag;
        Committed = State.Created ? Snapshot() : null;
    }

    /// <summary>
    /// Applies <paramref name="change"/> and writes it with <paramref name="transition"/>. On a
    /// failed write, reloads and rethrows; <paramref name="unreadable"/> is called when storage
    /// cannot be read either, so the caller can drop its activation.
    /// </summary>
    public async Task Save(ActivityTransitionRecord? transition, Action change, Action unreadable)
    {
        change();
        try
        {
            _etag = await store.Save(specialistId, State, transition, _etag);
            Committed = Snapshot();
        }
        catch
        {
            try
            {
                await Load();
            }
            catch (Exception)
            {
                unreadable();
            }

            throw;
        }
    }

    public Task<IReadOnlyList<ActivityTransitionRecord>> ReadHistory(long afterSequence, int pageSize) =>
        store.ReadHistory(specialistId, afterSequence, State.TransitionCount, pageSize);

    /// <summary>The history entry of a change to <paramref name="target"/>; written together with the state that counts it.</summary>
    public ActivityTransitionRecord NewTransition(ActivityState target, ChangeContext change, DateTimeOffset at) => new(
        State.TransitionCount + 1,
        State.ActivityState,
        target,
        at,
        change.Actor.Length > 0 ? change.Actor : Name,
        change.Reason);

    /// <summary>Moves the state and its time accounting to the transition's target as of <paramref name="at"/>.</summary>
    public void EnterState(ActivityTransitionRecord transition, DateTimeOffset at)
    {
        var clock = new ActivityClock(State.ActivityState, State.ActivityStateStart, State.CompletedActivityTime).Enter(transition.To, at);
        State.ActivityState = clock.State;
        State.ActivityStateStart = clock.StateStart;
        State.CompletedActivityTime = new Dictionary<ActivityState, TimeSpan>(clock.CompletedTime);
        State.TransitionCount = transition.Sequence;
    }

    /// <summary>Marks a change: a new update time and version.</summary>
    public void Touch(DateTimeOffset now)
    {
        State.UpdateTime = now;
        State.Version++;
    }

    /// <summary>Refuses an etag that is given and is not the current version.</summary>
    public void CheckEtag(string? etag) => SafetyException.EnsureCurrent(Name, State.Version, etag);

    private SpecialistView Snapshot() => new(
        specialistId, State.TeamId, State.Profile, State.ActivityState, State.ActivityStateStart, State.DeactivateTime, State.CreateTime, State.UpdateTime, State.Version);
}
