using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Targets;

namespace SafetyPlatform.Grains.Abstractions.Targets.Serialization;

/// <summary>The wire form of <see cref="Target"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.Target")]
public readonly record struct TargetSurrogate(
    [property: Id(0)] string TargetId,
    [property: Id(1)] TargetMetric Metric,
    [property: Id(2)] double? AtLeast,
    [property: Id(3)] double? AtMost,
    [property: Id(4)] DateOnly From,
    [property: Id(5)] DateOnly To);

[RegisterConverter]
public sealed class TargetConverter : IConverter<Target, TargetSurrogate>
{
    public Target ConvertFromSurrogate(in TargetSurrogate s) => new(s.TargetId, s.Metric, s.AtLeast, s.AtMost, s.From, s.To);

    public TargetSurrogate ConvertToSurrogate(in Target v) => new(v.TargetId, v.Metric, v.AtLeast, v.AtMost, v.From, v.To);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class TargetCopier : IDeepCopier<Target>
{
    public Target? DeepCopy(Target? input, CopyContext context) => input;
}
