using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Abstractions.Monitoring.Serialization;

/// <summary>The wire and stored form of <see cref="Alert"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.Alert")]
public readonly record struct AlertSurrogate(
    [property: Id(0)] string AlertId,
    [property: Id(1)] AlertKind Kind,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Summary,
    [property: Id(4)] double Value,
    [property: Id(5)] double Threshold,
    [property: Id(6)] DateTimeOffset RaisedAt,
    [property: Id(7)] DateTimeOffset UpdatedAt,
    [property: Id(8)] DateTimeOffset? ClearedAt,
    [property: Id(9)] DateTimeOffset? AcknowledgedAt,
    [property: Id(10)] string AcknowledgedBy);

[RegisterConverter]
public sealed class AlertConverter : IConverter<Alert, AlertSurrogate>
{
    public Alert ConvertFromSurrogate(in AlertSurrogate s) =>
        new(s.AlertId, s.Kind, s.Subject, s.Summary, s.Value, s.Threshold, s.RaisedAt, s.UpdatedAt, s.ClearedAt, s.AcknowledgedAt, s.AcknowledgedBy);

    public AlertSurrogate ConvertToSurrogate(in Alert v) =>
        new(v.AlertId, v.Kind, v.Subject, v.Summary, v.Value, v.Threshold, v.RaisedAt, v.UpdatedAt, v.ClearedAt, v.AcknowledgedAt, v.AcknowledgedBy);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class AlertCopier : IDeepCopier<Alert>
{
    public Alert? DeepCopy(Alert? input, CopyContext context) => input;
}
