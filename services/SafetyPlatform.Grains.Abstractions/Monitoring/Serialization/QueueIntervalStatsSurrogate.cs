using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Quality;

namespace SafetyPlatform.Grains.Abstractions.Monitoring.Serialization;

/// <summary>The wire form of <see cref="QueueIntervalStats"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.QueueIntervalStats")]
public readonly record struct QueueIntervalStatsSurrogate(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] TimeSpan Length,
    [property: Id(2)] bool Closed,
    [property: Id(3)] int Arrivals,
    [property: Id(4)] int Offers,
    [property: Id(5)] int Accepts,
    [property: Id(6)] int Rejects,
    [property: Id(7)] int Expiries,
    [property: Id(8)] int Withdrawals,
    [property: Id(9)] int Releases,
    [property: Id(10)] int Completions,
    [property: Id(11)] int Escalations,
    [property: Id(12)] int Transfers,
    [property: Id(13)] int CompletedWithinSla,
    [property: Id(14)] double? SlaAttainment,
    [property: Id(15)] TimeSpan? AverageWaitToAccept,
    [property: Id(16)] TimeSpan? P90WaitToAccept,
    [property: Id(17)] TimeSpan? AverageHandleTime,
    [property: Id(18)] QualityTally? Quality);

[RegisterConverter]
public sealed class QueueIntervalStatsConverter : IConverter<QueueIntervalStats, QueueIntervalStatsSurrogate>
{
    public QueueIntervalStats ConvertFromSurrogate(in QueueIntervalStatsSurrogate s) => new(
        new StatsInterval(s.Start, s.Length), s.Closed, s.Arrivals, s.Offers, s.Accepts, s.Rejects, s.Expiries, s.Withdrawals, s.Releases,
        s.Completions, s.Escalations, s.Transfers, s.CompletedWithinSla, s.SlaAttainment, s.AverageWaitToAccept, s.P90WaitToAccept, s.AverageHandleTime, s.Quality ?? QualityTally.None);

    public QueueIntervalStatsSurrogate ConvertToSurrogate(in QueueIntervalStats v) => new(
        v.Interval.Start, v.Interval.Length, v.Closed, v.Arrivals, v.Offers, v.Accepts, v.Rejects, v.Expiries, v.Withdrawals, v.Releases,
        v.Completions, v.Escalations, v.Transfers, v.CompletedWithinSla, v.SlaAttainment, v.AverageWaitToAccept, v.P90WaitToAccept, v.AverageHandleTime, v.Quality);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class QueueIntervalStatsCopier : IDeepCopier<QueueIntervalStats>
{
    public QueueIntervalStats? DeepCopy(QueueIntervalStats? input, CopyContext context) => input;
}
