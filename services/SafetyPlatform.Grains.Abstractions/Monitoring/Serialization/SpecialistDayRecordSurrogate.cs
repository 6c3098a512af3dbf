using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Quality;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Grains.Abstractions.Monitoring.Serialization;

/// <summary>The stored form of <see cref="SpecialistDayRecord"/>: the [Id]s are the contract.</summary>
[GenerateSerializer, Immutable, Alias("safety.SpecialistDayRecord")]
public readonly record struct SpecialistDayRecordSurrogate(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] ActivityState State,
    [property: Id(2)] DateTimeOffset Since,
    [property: Id(3)] int Offers,
    [property: Id(4)] int Rejected,
    [property: Id(5)] int Expired,
    [property: Id(6)] int Handled,
    [property: Id(7)] int CompletedWithinSla,
    [property: Id(8)] TimeSpan HandleTime,
    [property: Id(9)] int Escalated,
    [property: Id(10)] int Released,
    [property: Id(11)] Dictionary<ActivityState, TimeSpan> TimeIn,
    [property: Id(12)] QualityTally? Quality);

[RegisterConverter]
public sealed class SpecialistDayRecordConverter : IConverter<SpecialistDayRecord, SpecialistDayRecordSurrogate>
{
    public SpecialistDayRecord ConvertFromSurrogate(in SpecialistDayRecordSurrogate s) =>
        new(s.Day, s.State, s.Since, s.Offers, s.Rejected, s.Expired, s.Handled, s.CompletedWithinSla, s.HandleTime, s.Escalated, s.Released, s.TimeIn, s.Quality);

    public SpecialistDayRecordSurrogate ConvertToSurrogate(in SpecialistDayRecord v) =>
        new(v.Day, v.State, v.Since, v.Offers, v.Rejected, v.Expired, v.Handled, v.CompletedWithinSla, v.HandleTime, v.Escalated, v.Released, new Dictionary<ActivityState, TimeSpan>(v.TimeIn), v.Quality);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class SpecialistDayRecordCopier : IDeepCopier<SpecialistDayRecord>
{
    public SpecialistDayRecord? DeepCopy(SpecialistDayRecord? input, CopyContext context) => input;
}
