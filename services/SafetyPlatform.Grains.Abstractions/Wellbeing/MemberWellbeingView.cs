using System.Collections.Immutable;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Abstractions.Wellbeing;

/// <summary>
/// One specialist's wellbeing as their lead and the wellbeing team see it (docs/WELLBEING.md,
/// "The lead's view"), as at <see cref="At"/>: exposure today and this shift (all categories),
/// the limits they have used most of, the cool-down, and their wellness breaks.
/// </summary>
/// <param name="SpecialistId">Whose.</param>
/// <param name="At">When it was read.</param>
/// <param name="Today">All harm categories together since the team's midnight.</param>
/// <param name="ThisShift">All harm categories together since the shift's start.</param>
/// <param name="Limits">Every limit that applies, most used first.</param>
/// <param name="CoolingUntil">The end of the cool-down after a critical item; null when none runs.</param>
/// <param name="OnWellnessBreak">Whether they are on a wellness break now.</param>
/// <param name="BreakDueSince">Since when a wellness break has been due; null when none is.</param>
/// <param name="BreakOverdue">Whether it has been due for longer than a break lasts.</param>
/// <param name="BreaksTakenToday">Wellness breaks today that lasted their full length.</param>
/// <param name="BreaksCutShortToday">Wellness breaks today that ended sooner.</param>
/// <param name="ItemsInHand">Items in their hands now.</param>
[GenerateSerializer, Immutable, Alias("safety.MemberWellbeingView")]
public sealed record MemberWellbeingView(
    [property: Id(0)] string SpecialistId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] ExposureAmount Today,
    [property: Id(3)] ExposureAmount ThisShift,
    [property: Id(4)] ImmutableArray<LimitUse> Limits,
    [property: Id(5)] DateTimeOffset? CoolingUntil,
    [property: Id(6)] bool OnWellnessBreak,
    [property: Id(7)] DateTimeOffset? BreakDueSince,
    [property: Id(8)] bool BreakOverdue,
    [property: Id(9)] int BreaksTakenToday,
    [property: Id(10)] int BreaksCutShortToday,
    [property: Id(11)] int ItemsInHand);
