namespace SafetyPlatform.Domain.Security;

/// <summary>What a caller is, as its token says (claim `roles`).</summary>
public enum CallerRole
{
    /// <summary>Reviews content; acts on their own items and records only.</summary>
    Specialist,

    /// <summary>Leads the teams named in their token.</summary>
    TeamLead,

    /// <summary>Oversees the teams named in their token (`*`: every team).</summary>
    OperationsManager,

    /// <summary>Wellbeing staff supporting the teams named in their token.</summary>
    Wellbeing,

    /// <summary>Audits the work of the teams named in their token.</summary>
    QaAuditor,

    /// <summary>Runs the platform: reaches everything and may act for anyone (every such call is audited).</summary>
    PlatformAdmin,

    /// <summary>Another team's tool (moderation tooling, QA tools, workforce planning): reaches the queues and teams it was granted.</summary>
    Service,
}
