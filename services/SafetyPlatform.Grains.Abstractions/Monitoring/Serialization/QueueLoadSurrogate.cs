using System.Collections.Immutable;
using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Grains.Abstractions.Monitoring.Serialization;

/// <summary>The wire form of <see cref="QueueLoad"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.QueueLoad")]
public readonly record struct QueueLoadSurrogate(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] ImmutableDictionary<Priority, int> WaitingByPriority,
    [property: Id(2)] int Reserved,
    [property: Id(3)] int Handling,
    [property: Id(4)] TimeSpan? OldestAge,
    [property: Id(5)] TimeSpan AtRiskWithin,
    [property: Id(6)] int AtRisk,
    [property: Id(7)] int Overdue,
    [property: Id(8)] BreachPrediction Prediction,
    [property: Id(9)] int RecentArrivals,
    [property: Id(10)] int? Needed);

[RegisterConverter]
public sealed class QueueLoadConverter : IConverter<QueueLoad, QueueLoadSurrogate>
{
    public QueueLoad ConvertFromSurrogate(in QueueLoadSurrogate s) =>
        new(s.At, s.WaitingByPriority, s.Reserved, s.Handling, s.OldestAge, s.AtRiskWithin, s.AtRisk, s.Overdue, s.Prediction, s.RecentArrivals, s.Needed);

    public QueueLoadSurrogate ConvertToSurrogate(in QueueLoad v) =>
        new(v.At, v.WaitingByPriority, v.Reserved, v.Handling, v.OldestAge, v.AtRiskWithin, v.AtRisk, v.Overdue, v.Prediction, v.RecentArrivals, v.Needed);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class QueueLoadCopier : IDeepCopier<QueueLoad>
{
    public QueueLoad? DeepCopy(QueueLoad? input, CopyContext context) => input;
}
