using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;
using SafetyPlatform.Grains.Abstractions.Wellbeing;
using SafetyPlatform.Grains.Roster;
using SafetyPlatform.Grains.Work;

namespace SafetyPlatform.Grains.Wellbeing;

/// <summary>Keeps a specialist's opt-outs and restrictions: asks the domain, writes, tells their desk, answers.</summary>
public sealed partial class SpecialistWellbeingGrain(
    [PersistentState("personal", StorageNames.Roster)] IPersistentState<SpecialistWellbeingState> state,
    ILogger<SpecialistWellbeingGrain> logger,
    TimeProvider time) : Grain, ISpecialistWellbeingGrain
{
    private bool _specialistKnown;

    private string Id => this.GetPrimaryKeyString();

    private PersonalWellbeing Current => new(
        state.State.OptOuts.ToImmutableDictionary(o => o.Category),
        state.State.Restrictions.ToImmutableDictionary(r => r.Category),
        state.State.Display.ToImmutableDictionary());

    public async Task<PersonalWellbeingView> Get()
    {
        await EnsureSpecialistExists();
        return PersonalWellbeingView.Of(Id, Current);
    }

    public Task<PersonalWellbeingView> MoveOptOut(HarmCategory category, OptOutStatus to, ChangeContext change) =>
        Change(now => Current.MoveOptOut(category, to, change.Actor, change.Reason, now));

    public Task<PersonalWellbeingView> Restrict(HarmCategory category, DateTimeOffset until, ChangeContext change) =>
        Change(now => Current.Restrict(category, until, change.Actor, change.Reason, now));

    public Task<PersonalWellbeingView> Lift(HarmCategory category, ChangeContext change) => Change(now => Current.Lift(category, now));

    public Task<PersonalWellbeingView> SetDisplay(HarmCategory category, DisplayPreference? preference, ChangeContext change) =>
        Change(_ => (Current.WithDisplay(category, preference), null));

    private async Task<PersonalWellbeingView> Change(Func<DateTimeOffset, (PersonalWellbeing Changed, string? Refusal)> decide)
    {
        await EnsureSpecialistExists();
        var (changed, refusal) = decide(time.GetUtcNow());
        if (refusal is not null)
        {
            throw SafetyException.FailedPrecondition($"specialists/{Id}: {refusal}");
        }

        await StateWrites.Commit(state, this, () =>
        {
            state.State.OptOuts = [.. changed.OptOuts.Values];
            state.State.Restrictions = [.. changed.Restrictions.Values];
            state.State.Display = changed.Display.ToDictionary();
        });
        var view = PersonalWellbeingView.Of(Id, changed);
        await TellDesk(view);
        return view;
    }

    /// <summary>
    /// Tells the desk before answering, so routing applies the change from the next request on.
    /// The change is durable already: a lost notice must not fail it, and the desk reads again
    /// within seconds in any case.
    /// </summary>
    private async Task TellDesk(PersonalWellbeingView view)
    {
        try
        {
            await GrainFactory.Reference<ISpecialistDeskGrain>(Id).PersonalWellbeingChanged(view);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogDeskNotTold(logger, Id, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The desk of specialist {Specialist} was not told of a change of their personal wellbeing (it reads it again within seconds): {Reason}")]
    private static partial void LogDeskNotTold(ILogger logger, string specialist, string reason);

    /// <summary>NOT_FOUND for a specialist who was never created; asked once, since specialists are never deleted.</summary>
    private async Task EnsureSpecialistExists()
    {
        if (!_specialistKnown)
        {
            await GrainFactory.Reference<ISpecialistGrain>(Id).Get();
            _specialistKnown = true;
        }
    }
}
