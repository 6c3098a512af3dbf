using SafetyPlatform.Domain.Quality;

namespace SafetyPlatform.Grains.Abstractions.Quality;

/// <summary>One audit of one item, with the decision it audited.</summary>
[GenerateSerializer, Immutable, Alias("safety.AuditView")]
public sealed record AuditView(
    [property: Id(0)] string QueueId,
    [property: Id(1)] string ItemId,
    [property: Id(2)] string AuditId,
    [property: Id(3)] string Auditor,
    [property: Id(4)] string Specialist,
    [property: Id(5)] string Decision,
    [property: Id(6)] bool Agrees,
    [property: Id(7)] string CorrectedDecision,
    [property: Id(8)] int Score,
    [property: Id(9)] AuditErrorCategory ErrorCategory,
    [property: Id(10)] string Notes,
    [property: Id(11)] DateTimeOffset CreatedAt)
{
    public static AuditView Of(string queueId, string itemId, string decision, Audit audit) => new(
        queueId, itemId, audit.AuditId, audit.Auditor, audit.Specialist, decision, audit.Verdict.Agrees, audit.Verdict.CorrectedDecision,
        audit.Verdict.Score, audit.Verdict.ErrorCategory, audit.Verdict.Notes, audit.CreatedAt);
}
