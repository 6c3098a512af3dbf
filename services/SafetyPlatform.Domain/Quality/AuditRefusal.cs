namespace SafetyPlatform.Domain.Quality;

/// <summary>Why an audit was not recorded.</summary>
public enum AuditRefusal
{
    None = 0,

    /// <summary>The item is not completed: only finished work is audited.</summary>
    NotCompleted = 1,

    /// <summary>The auditor completed the item: nobody audits their own work.</summary>
    OwnWork = 2,

    /// <summary>The auditor audited this item already (one audit per auditor per item).</summary>
    AlreadyAudited = 3,
}
