using SafetyPlatform.Domain.Quality;

namespace SafetyPlatform.Grains.Abstractions.Quality;

/// <summary>An auditor's verdict on an item, as submitted.</summary>
[GenerateSerializer, Immutable, Alias("safety.AuditSubmission")]
public sealed record AuditSubmission(
    [property: Id(0)] string Auditor,
    [property: Id(1)] bool Agrees,
    [property: Id(2)] string CorrectedDecision,
    [property: Id(3)] int Score,
    [property: Id(4)] AuditErrorCategory ErrorCategory,
    [property: Id(5)] string Notes,
    [property: Id(6)] string RequestId)
{
    public AuditVerdict Verdict => new(Agrees, CorrectedDecision, Score, ErrorCategory, Notes);
}
