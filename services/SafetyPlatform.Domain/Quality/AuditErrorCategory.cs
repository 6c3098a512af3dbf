namespace SafetyPlatform.Domain.Quality;

/// <summary>What an auditor found wrong with a decision (values match the API's).</summary>
public enum AuditErrorCategory
{
    /// <summary>No error found.</summary>
    None = 0,

    /// <summary>Left up what breaks policy (a false negative).</summary>
    MissedViolation = 1,

    /// <summary>Actioned what the policy allows (a false positive).</summary>
    OverEnforcement = 2,

    /// <summary>The right action under the wrong policy.</summary>
    WrongPolicy = 3,

    /// <summary>The wrong severity, priority or escalation path.</summary>
    WrongSeverity = 4,

    /// <summary>The process was not followed (notes, evidence, steps).</summary>
    Procedure = 5,

    /// <summary>The reply to the user (tone, template, clarity).</summary>
    Communication = 6,

    Other = 7,
}
