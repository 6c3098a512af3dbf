using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Abstractions.Monitoring.Serialization;

/// <summary>The wire form of <see cref="ReportedQueue"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.ReportedQueue")]
public readonly record struct ReportedQueueSurrogate(
    [property: Id(0)] QueueStaffing Staffing,
    [property: Id(1)] DateTimeOffset ReportedAt);

[RegisterConverter]
public sealed class ReportedQueueConverter : IConverter<ReportedQueue, ReportedQueueSurrogate>
{
    public ReportedQueue ConvertFromSurrogate(in ReportedQueueSurrogate s) => new(s.Staffing, s.ReportedAt);

    public ReportedQueueSurrogate ConvertToSurrogate(in ReportedQueue v) => new(v.Staffing, v.ReportedAt);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class ReportedQueueCopier : IDeepCopier<ReportedQueue>
{
    public ReportedQueue? DeepCopy(ReportedQueue? input, CopyContext context) => input;
}
