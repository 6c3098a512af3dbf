namespace SafetyPlatform.Domain.Quality;

/// <summary>
/// One audit of one completed item: who audited whose work, the verdict, when. Kept with the
/// item's other audits (<see cref="ItemAudits"/>); positional, so storage reads it back as is.
/// </summary>
/// <param name="AuditId">The audit's id within its item, from 1.</param>
/// <param name="Auditor">Who audited (a person or a quality tool).</param>
/// <param name="Specialist">The specialist whose decision was audited (who completed the item).</param>
/// <param name="Verdict">What the auditor found.</param>
/// <param name="CreatedAt">When the audit was recorded.</param>
/// <param name="RequestId">The submitter's idempotency key; empty when none was given.</param>
public sealed record Audit(string AuditId, string Auditor, string Specialist, AuditVerdict Verdict, DateTimeOffset CreatedAt, string RequestId);
