namespace SafetyPlatform.Domain.Monitoring;

/// <summary>
/// One alert as a lead sees it: what (<see cref="Kind"/>), where (<see cref="Subject"/>), how big
/// (<see cref="Value"/> against <see cref="Threshold"/>, and <see cref="Summary"/>), since when
/// (<see cref="RaisedAt"/>), whether it still holds (<see cref="ClearedAt"/>) and who acknowledged it.
/// </summary>
public sealed record Alert(
    string AlertId,
    AlertKind Kind,
    string Subject,
    string Summary,
    double Value,
    double Threshold,
    DateTimeOffset RaisedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClearedAt,
    DateTimeOffset? AcknowledgedAt,
    string AcknowledgedBy)
{
    public bool IsOpen => ClearedAt is null;

    public bool IsAcknowledged => AcknowledgedAt is not null;
}
