namespace SafetyPlatform.Security;

/// <summary>The claims the platform reads from a token.</summary>
public static class TokenClaims
{
    /// <summary>`specialists/{id}` or `people/{id}` for a person, `clients/{id}` for a tool.</summary>
    public const string Subject = "sub";

    /// <summary>Space-separated scopes (OAuth 2.0); `scp` is read too.</summary>
    public const string Scope = "scope";

    public const string ScopeAlternative = "scp";

    /// <summary>Role names: specialist, team_lead, operations_manager, wellbeing, qa_auditor, platform_admin, service.</summary>
    public const string Roles = "roles";

    /// <summary>Team ids the caller leads, oversees or supports (a specialist: their own team); `*` for every team.</summary>
    public const string Teams = "teams";

    /// <summary>Queue ids a tool was granted; `*` for every queue.</summary>
    public const string Queues = "queues";
}
