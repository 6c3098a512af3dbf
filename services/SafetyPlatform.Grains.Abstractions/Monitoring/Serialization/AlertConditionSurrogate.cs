using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Abstractions.Monitoring.Serialization;

/// <summary>The wire form of <see cref="AlertCondition"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.AlertCondition")]
public readonly record struct AlertConditionSurrogate(
    [property: Id(0)] AlertKind Kind,
    [property: Id(1)] string Subject,
    [property: Id(2)] double Value,
    [property: Id(3)] double Threshold,
    [property: Id(4)] string Summary);

[RegisterConverter]
public sealed class AlertConditionConverter : IConverter<AlertCondition, AlertConditionSurrogate>
{
    public AlertCondition ConvertFromSurrogate(in AlertConditionSurrogate s) => new(s.Kind, s.Subject, s.Value, s.Threshold, s.Summary);

    public AlertConditionSurrogate ConvertToSurrogate(in AlertCondition v) => new(v.Kind, v.Subject, v.Value, v.Threshold, v.Summary);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class AlertConditionCopier : IDeepCopier<AlertCondition>
{
    public AlertCondition? DeepCopy(AlertCondition? input, CopyContext context) => input;
}
