using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Abstractions.Monitoring.Serialization;

/// <summary>The wire form of <see cref="BreachPrediction"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.BreachPrediction")]
public readonly record struct BreachPredictionSurrogate(
    [property: Id(0)] DateTimeOffset? FirstBreach,
    [property: Id(1)] string? ItemId,
    [property: Id(2)] int Staffed,
    [property: Id(3)] TimeSpan? HandleTime,
    [property: Id(4)] string? UnknownReason);

[RegisterConverter]
public sealed class BreachPredictionConverter : IConverter<BreachPrediction, BreachPredictionSurrogate>
{
    public BreachPrediction ConvertFromSurrogate(in BreachPredictionSurrogate s) => new(s.FirstBreach, s.ItemId, s.Staffed, s.HandleTime, s.UnknownReason);

    public BreachPredictionSurrogate ConvertToSurrogate(in BreachPrediction v) => new(v.FirstBreach, v.ItemId, v.Staffed, v.HandleTime, v.UnknownReason);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class BreachPredictionCopier : IDeepCopier<BreachPrediction>
{
    public BreachPrediction? DeepCopy(BreachPrediction? input, CopyContext context) => input;
}
