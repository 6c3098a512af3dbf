using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Abstractions.Monitoring.Serialization;

/// <summary>The wire form of <see cref="QueueStaffing"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.QueueStaffing")]
public readonly record struct QueueStaffingSurrogate(
    [property: Id(0)] string QueueId,
    [property: Id(1)] int Waiting,
    [property: Id(2)] int AtRisk,
    [property: Id(3)] int Overdue,
    [property: Id(4)] int Staffed,
    [property: Id(5)] int? Needed,
    [property: Id(6)] int RecentArrivals,
    [property: Id(7)] TimeSpan? HandleTime,
    [property: Id(8)] QueueIntervalStats Quarter);

[RegisterConverter]
public sealed class QueueStaffingConverter : IConverter<QueueStaffing, QueueStaffingSurrogate>
{
    public QueueStaffing ConvertFromSurrogate(in QueueStaffingSurrogate s) =>
        new(s.QueueId, s.Waiting, s.AtRisk, s.Overdue, s.Staffed, s.Needed, s.RecentArrivals, s.HandleTime, s.Quarter);

    public QueueStaffingSurrogate ConvertToSurrogate(in QueueStaffing v) =>
        new(v.QueueId, v.Waiting, v.AtRisk, v.Overdue, v.Staffed, v.Needed, v.RecentArrivals, v.HandleTime, v.Quarter);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class QueueStaffingCopier : IDeepCopier<QueueStaffing>
{
    public QueueStaffing? DeepCopy(QueueStaffing? input, CopyContext context) => input;
}
