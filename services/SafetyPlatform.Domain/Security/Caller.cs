using SafetyPlatform.Domain.Naming;

namespace SafetyPlatform.Domain.Security;

/// <summary>
/// The verified identity of a call, taken from its token: who (`specialists/{id}`, `people/{id}`
/// or `clients/{id}`), in which roles, with which scopes, reaching which teams and queues
/// (`*` for all).
/// </summary>
public sealed record Caller(
    string Subject,
    IReadOnlySet<CallerRole> Roles,
    IReadOnlySet<string> Scopes,
    IReadOnlySet<string> Teams,
    IReadOnlySet<string> Queues)
{
    public const string Everything = "*";
    public const string PeopleCollection = "people";

    public bool IsAdmin => Roles.Contains(CallerRole.PlatformAdmin);

    /// <summary>A tool: its subject is `clients/{id}`.</summary>
    public bool IsService => ClientName.TryParse(Subject, out _);

    /// <summary>The specialist id when the caller is a specialist of the roster, else null.</summary>
    public string? SpecialistId => SpecialistName.TryParse(Subject, out var name) ? name.SpecialistId : null;

    /// <summary>The client id when the caller is a tool, else null.</summary>
    public string? ClientId => ClientName.TryParse(Subject, out var name) ? name.ClientId : null;

    /// <summary>Leads, managers, wellbeing staff and auditors reach teams; a specialist reaches only their own records.</summary>
    public bool ManagesTeams => Roles.Overlaps([CallerRole.TeamLead, CallerRole.OperationsManager, CallerRole.Wellbeing, CallerRole.QaAuditor]);

    /// <summary>May name a specialist other than themselves as the one acting (a lead for their team).</summary>
    public bool ActsForSpecialists => IsAdmin || Roles.Overlaps([CallerRole.TeamLead, CallerRole.OperationsManager]);

    public bool HasScope(string scope) => Scopes.Contains(scope);

    public bool ReachesTeam(string teamId) => Teams.Contains(Everything) || Teams.Contains(teamId);

    public bool ReachesQueue(string queueId) => Queues.Contains(Everything) || Queues.Contains(queueId);
}
