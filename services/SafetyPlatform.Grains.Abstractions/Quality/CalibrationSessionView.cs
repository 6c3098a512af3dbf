using System.Collections.Immutable;
using SafetyPlatform.Domain.Quality;

namespace SafetyPlatform.Grains.Abstractions.Quality;

/// <summary>A calibration session: its auditors, its items with the verdicts given, and what they measure.</summary>
[GenerateSerializer, Immutable, Alias("safety.CalibrationSessionView")]
public sealed record CalibrationSessionView(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] ImmutableArray<string> Auditors,
    [property: Id(3)] ImmutableArray<CalibrationItemView> Items,
    [property: Id(4)] CalibrationResults Results,
    [property: Id(5)] DateTimeOffset CreatedAt);

/// <summary>One item of a session, with the decision audited and the verdicts given on it (as submitted; no request id).</summary>
[GenerateSerializer, Immutable, Alias("safety.CalibrationItemView")]
public sealed record CalibrationItemView(
    [property: Id(0)] string Item,
    [property: Id(1)] string Decision,
    [property: Id(2)] ImmutableArray<AuditSubmission> Verdicts);
