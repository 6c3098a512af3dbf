namespace SafetyPlatform.Domain.Security;

/// <summary>Where a chain ends: its last entry's sequence and hash, kept apart from the entries.</summary>
public sealed record AuditChainHead(long Sequence, string Hash)
{
    /// <summary>An empty chain.</summary>
    public static readonly AuditChainHead Start = new(0, AuditChain.Genesis);

    public static AuditChainHead Of(AuditRecord last) => new(last.Sequence, last.Hash);
}
