using SafetyPlatform.Domain.Quality;

namespace SafetyPlatform.Grains.Quality;

/// <summary>An audit as stored (JSON). Never rename the properties.</summary>
[GenerateSerializer, Alias("safety.StoredAudit")]
public sealed class StoredAudit
{
    [Id(0)] public string AuditId { get; set; } = string.Empty;

    [Id(1)] public string Auditor { get; set; } = string.Empty;

    [Id(2)] public string Specialist { get; set; } = string.Empty;

    [Id(3)] public bool Agrees { get; set; }

    [Id(4)] public string CorrectedDecision { get; set; } = string.Empty;

    [Id(5)] public int Score { get; set; }

    [Id(6)] public AuditErrorCategory ErrorCategory { get; set; }

    [Id(7)] public string Notes { get; set; } = string.Empty;

    [Id(8)] public DateTimeOffset CreatedAt { get; set; }

    [Id(9)] public string RequestId { get; set; } = string.Empty;

    public static StoredAudit From(Audit audit) => new()
    {
        AuditId = audit.AuditId,
        Auditor = audit.Auditor,
        Specialist = audit.Specialist,
        Agrees = audit.Verdict.Agrees,
        CorrectedDecision = audit.Verdict.CorrectedDecision,
        Score = audit.Verdict.Score,
        ErrorCategory = audit.Verdict.ErrorCategory,
        Notes = audit.Verdict.Notes,
        CreatedAt = audit.CreatedAt,
        RequestId = audit.RequestId,
    };

    public Audit ToAudit() => new(AuditId, Auditor, Specialist, new AuditVerdict(Agrees, CorrectedDecision, Score, ErrorCategory, Notes), CreatedAt, RequestId);
}
