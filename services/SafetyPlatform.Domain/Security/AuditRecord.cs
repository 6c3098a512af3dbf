namespace SafetyPlatform.Domain.Security;

/// <summary>
/// One entry of the audit log: who called which method on what, when, and the status it got;
/// linked to the entry before it in its chain by <see cref="PreviousHash"/>.
/// </summary>
public sealed record AuditRecord(
    string Chain,
    long Sequence,
    DateTimeOffset Time,
    string Caller,
    string Method,
    string Resource,
    string Result,
    string PreviousHash,
    string Hash);
