namespace SafetyPlatform.Security;

/// <summary>What the audit log records of a method's calls.</summary>
public enum AuditClass
{
    /// <summary>A read of data that is not private (queue configuration, team totals): not recorded.</summary>
    None,

    /// <summary>Every call that changes something, allowed or refused.</summary>
    Write,

    /// <summary>A read of private data: wellbeing, a specialist's performance, QA verdicts, the audit log itself.</summary>
    PrivateRead,
}
