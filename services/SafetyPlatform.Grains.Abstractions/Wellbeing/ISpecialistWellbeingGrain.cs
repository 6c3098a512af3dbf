using Orleans.Concurrency;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;
using SafetyPlatform.Grains.Abstractions.Roster;

namespace SafetyPlatform.Grains.Abstractions.Wellbeing;

/// <summary>
/// What applies to one specialist beyond their team's policy: opt-outs and restrictions. Each
/// change is durable before it is answered and tells the specialist's desk at once. Key: specialist id.
/// </summary>
public interface ISpecialistWellbeingGrain : IGrainWithStringKey
{
    /// <summary>Their opt-outs and restrictions; NOT_FOUND for an unknown specialist.</summary>
    [ReadOnly]
    Task<PersonalWellbeingView> Get();

    /// <summary>Moves their opt-out of <paramref name="category"/> to <paramref name="to"/>; FAILED_PRECONDITION when its lifecycle does not allow it.</summary>
    Task<PersonalWellbeingView> MoveOptOut(HarmCategory category, OptOutStatus to, ChangeContext change);

    /// <summary>Restricts them from <paramref name="category"/> until <paramref name="until"/>; FAILED_PRECONDITION for an end not in the future.</summary>
    Task<PersonalWellbeingView> Restrict(HarmCategory category, DateTimeOffset until, ChangeContext change);

    /// <summary>Sets how their review tool shows <paramref name="category"/>; null puts it back to their team's default.</summary>
    Task<PersonalWellbeingView> SetDisplay(HarmCategory category, DisplayPreference? preference, ChangeContext change);

    /// <summary>Lifts their restriction from <paramref name="category"/>; FAILED_PRECONDITION when none is in force.</summary>
    Task<PersonalWellbeingView> Lift(HarmCategory category, ChangeContext change);
}
