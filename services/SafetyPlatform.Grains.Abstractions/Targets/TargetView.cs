using SafetyPlatform.Domain.Targets;

namespace SafetyPlatform.Grains.Abstractions.Targets;

/// <summary>A target with its attainment as read.</summary>
[GenerateSerializer, Immutable, Alias("safety.TargetView")]
public sealed record TargetView(
    [property: Id(0)] string Owner,
    [property: Id(1)] string TargetId,
    [property: Id(2)] TargetMetric Metric,
    [property: Id(3)] double? AtLeast,
    [property: Id(4)] double? AtMost,
    [property: Id(5)] DateOnly From,
    [property: Id(6)] DateOnly To,
    [property: Id(7)] double? Value,
    [property: Id(8)] TargetStatus Status,
    [property: Id(9)] DateTimeOffset CreatedAt)
{
    public static TargetView Of(string owner, TargetAttainment attainment, DateTimeOffset createdAt) => new(
        owner, attainment.Target.TargetId, attainment.Target.Metric, attainment.Target.AtLeast, attainment.Target.AtMost,
        attainment.Target.From, attainment.Target.To, attainment.Value, attainment.Status, createdAt);
}
