namespace SafetyPlatform.Domain.Quality;

/// <summary>
/// The audits of one completed item and the rules for adding one: only a completed item, never
/// by the specialist who completed it, one per auditor; a submission repeated with the same
/// request id by the same auditor is the audit already recorded, not a second one.
/// </summary>
public sealed class ItemAudits(IEnumerable<Audit> audits)
{
    private readonly List<Audit> _audits = [.. audits];

    public IReadOnlyList<Audit> All => _audits;

    /// <summary>
    /// Records <paramref name="auditor"/>'s verdict on the item, completed by
    /// <paramref name="completedBy"/> (null: the item is not completed). Returns the audit (the
    /// one recorded before, for a repeated request) and whether it is new, or why it was refused.
    /// </summary>
    public (Audit? Audit, bool IsNew, AuditRefusal Refusal) Submit(string auditor, AuditVerdict verdict, string? completedBy, string requestId, DateTimeOffset now)
    {
        var earlier = _audits.Find(a => a.Auditor == auditor);
        if (earlier is not null)
        {
            return requestId.Length > 0 && earlier.RequestId == requestId ? (earlier, false, AuditRefusal.None) : (null, false, AuditRefusal.AlreadyAudited);
        }

        if (completedBy is null)
        {
            return (null, false, AuditRefusal.NotCompleted);
        }

        if (completedBy == auditor)
        {
            return (null, false, AuditRefusal.OwnWork);
        }

        var audit = new Audit((_audits.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), auditor, completedBy, verdict, now, requestId);
        _audits.Add(audit);
        return (audit, true, AuditRefusal.None);
    }
}
