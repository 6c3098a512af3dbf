using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Quality;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Grains.Abstractions.Monitoring.Serialization;

/// <summary>The wire form of <see cref="DayTotals"/>: the [Id]s are the contract.</summary>
[GenerateSerializer, Immutable, Alias("safety.DayTotals")]
public readonly record struct DayTotalsSurrogate(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] int Specialists,
    [property: Id(2)] int Offers,
    [property: Id(3)] int Rejected,
    [property: Id(4)] int Expired,
    [property: Id(5)] int Handled,
    [property: Id(6)] int CompletedWithinSla,
    [property: Id(7)] TimeSpan HandleTime,
    [property: Id(8)] int Escalated,
    [property: Id(9)] int Released,
    [property: Id(10)] Dictionary<ActivityState, TimeSpan> TimeIn,
    [property: Id(11)] QualityTally? Quality);

[RegisterConverter]
public sealed class DayTotalsConverter : IConverter<DayTotals, DayTotalsSurrogate>
{
    public DayTotals ConvertFromSurrogate(in DayTotalsSurrogate s) =>
        new(s.Day, s.Specialists, s.Offers, s.Rejected, s.Expired, s.Handled, s.CompletedWithinSla, s.HandleTime, s.Escalated, s.Released, s.TimeIn, s.Quality ?? QualityTally.None);

    public DayTotalsSurrogate ConvertToSurrogate(in DayTotals v) =>
        new(v.Day, v.Specialists, v.Offers, v.Rejected, v.Expired, v.Handled, v.CompletedWithinSla, v.HandleTime, v.Escalated, v.Released, new Dictionary<ActivityState, TimeSpan>(v.TimeIn), v.Quality);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class DayTotalsCopier : IDeepCopier<DayTotals>
{
    public DayTotals? DeepCopy(DayTotals? input, CopyContext context) => input;
}
