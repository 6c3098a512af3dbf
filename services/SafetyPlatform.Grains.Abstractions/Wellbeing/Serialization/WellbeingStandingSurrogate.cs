using System.Collections.Immutable;
using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Abstractions.Wellbeing.Serialization;

/// <summary>The wire form of <see cref="WellbeingStanding"/>: a desk sends it with each request for work.</summary>
[GenerateSerializer, Immutable, Alias("safety.WellbeingStanding")]
public readonly record struct WellbeingStandingSurrogate(
    [property: Id(0)] WellbeingPolicy Policy,
    [property: Id(1)] PersonalLimits Personal,
    [property: Id(2)] string Zone,
    [property: Id(3)] DateTimeOffset Now,
    [property: Id(4)] DateTimeOffset ShiftStart,
    [property: Id(5)] DateTimeOffset? ShiftEnd,
    [property: Id(6)] TimeSpan HighHarmSinceBreak,
    [property: Id(7)] TimeSpan HighHarmToday,
    [property: Id(8)] ImmutableDictionary<HarmCategory, ExposureAmount> Today,
    [property: Id(9)] ImmutableDictionary<HarmCategory, ExposureAmount> ThisShift,
    [property: Id(10)] DateTimeOffset? CoolingUntil,
    [property: Id(11)] int HighHarmInARow,
    [property: Id(12)] DateTimeOffset? MicroBreakUntil,
    [property: Id(13)] ImmutableDictionary<string, WellbeingStanding>? QueueStandings);

[RegisterConverter]
public sealed class WellbeingStandingConverter : IConverter<WellbeingStanding, WellbeingStandingSurrogate>
{
    public WellbeingStanding ConvertFromSurrogate(in WellbeingStandingSurrogate s) => new(s.Policy, s.Personal, TeamTimeZone.Find(s.Zone), s.Now, s.ShiftStart,
        s.ShiftEnd, s.HighHarmSinceBreak, s.HighHarmToday, s.Today, s.ThisShift, s.CoolingUntil, s.HighHarmInARow, s.MicroBreakUntil, s.QueueStandings);

    public WellbeingStandingSurrogate ConvertToSurrogate(in WellbeingStanding v) => new(v.Policy, v.Personal, v.Zone.Id, v.Now, v.ShiftStart,
        v.ShiftEnd, v.HighHarmSinceBreak, v.HighHarmToday, v.Today, v.ThisShift, v.CoolingUntil, v.HighHarmInARow, v.MicroBreakUntil, v.QueueStandings);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class WellbeingStandingCopier : IDeepCopier<WellbeingStanding>
{
    public WellbeingStanding? DeepCopy(WellbeingStanding? input, CopyContext context) => input;
}
