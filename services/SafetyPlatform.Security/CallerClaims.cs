using System.Security.Claims;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Domain.Security;

namespace SafetyPlatform.Security;

/// <summary>Reads the verified caller from a validated token's claims.</summary>
public static class CallerClaims
{
    private static readonly Dictionary<string, CallerRole> RoleNames = new(StringComparer.Ordinal)
    {
        ["specialist"] = CallerRole.Specialist,
        ["team_lead"] = CallerRole.TeamLead,
        ["operations_manager"] = CallerRole.OperationsManager,
        ["wellbeing"] = CallerRole.Wellbeing,
        ["qa_auditor"] = CallerRole.QaAuditor,
        ["platform_admin"] = CallerRole.PlatformAdmin,
        ["service"] = CallerRole.Service,
    };

    /// <summary>The role's name in a token.</summary>
    public static string NameOf(CallerRole role) => RoleNames.First(pair => pair.Value == role).Key;

    public static bool TryParseRole(string name, out CallerRole role) => RoleNames.TryGetValue(name, out role);

    /// <summary>Null when the principal is not authenticated or names no caller in <paramref name="subjectClaim"/>.</summary>
    public static Caller? From(ClaimsPrincipal principal, string subjectClaim = TokenClaims.Subject)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirst(subjectClaim)?.Value is not { Length: > 0 } subject)
        {
            return null;
        }

        var roles = principal.FindAll(TokenClaims.Roles).Select(c => RoleNames.TryGetValue(c.Value, out var role) ? role : (CallerRole?)null)
            .OfType<CallerRole>().ToHashSet();
        if (ClientName.TryParse(subject, out _))
        {
            // A tool is a service whatever else its token says: it never gains a person's reach.
            roles = [CallerRole.Service];
        }

        var scopes = principal.FindAll(c => c.Type is TokenClaims.Scope or TokenClaims.ScopeAlternative)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        return new Caller(subject, roles, scopes, Values(principal, TokenClaims.Teams), Values(principal, TokenClaims.Queues));
    }

    private static HashSet<string> Values(ClaimsPrincipal principal, string type) =>
        principal.FindAll(type).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
}
