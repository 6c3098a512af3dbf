namespace SafetyPlatform.Domain.Security;

/// <summary>
/// The object rules (OWASP API1, broken object-level authorisation): whom a verified caller may
/// act on, and as whom. A platform admin reaches everything. A specialist reaches their own
/// records and the items they were offered or handled. Leads, operations managers, wellbeing
/// staff and auditors reach the teams their token names: those teams, their members and the
/// queues those teams serve. A tool reaches the queues and teams it was granted. Only a caller
/// granted every team (`*`) reaches what spans the whole organisation. Where a method
/// decides about a specialist (an opt-out, a restriction, a target), the specialist's own record
/// is not enough: someone else decides (`ownRecordAllowed` false).
/// </summary>
public static class AccessRules
{
    public static AccessVerdict Reach(Caller caller, ObjectFacts facts, bool ownRecordAllowed = true)
    {
        var target = facts.Target;
        if (caller.IsAdmin)
        {
            return AccessVerdict.Allowed;
        }

        if (!ownRecordAllowed && target.Kind == ObjectKind.Specialist && caller.SpecialistId == target.Id)
        {
            return AccessVerdict.Denied($"{caller.Subject} may not decide this about their own record: someone who leads or supports them does");
        }

        if (!facts.Exists)
        {
            return AccessVerdict.NotFound($"{Describe(target)} does not exist");
        }

        var teams = facts.Teams!;
        var allowed = target.Kind switch
        {
            ObjectKind.Organisation => (caller.IsService || caller.ManagesTeams) && caller.Teams.Contains(Caller.Everything),
            ObjectKind.Client => caller.ClientId == target.Id,
            ObjectKind.Team => (caller.ManagesTeams || caller.IsService) && caller.ReachesTeam(target.Id),
            ObjectKind.Specialist => caller.SpecialistId == target.Id || ((caller.ManagesTeams || caller.IsService) && teams.Any(caller.ReachesTeam)),
            ObjectKind.Queue => caller.IsService ? caller.ReachesQueue(target.Id) : teams.Any(caller.ReachesTeam),
            ObjectKind.QueueItems => caller.IsService ? caller.ReachesQueue(target.Id) : caller.ManagesTeams && teams.Any(caller.ReachesTeam),
            ObjectKind.WorkItem => caller.IsService ? caller.ReachesQueue(target.Id)
                : caller.ManagesTeams ? teams.Any(caller.ReachesTeam)
                : caller.SpecialistId is { } self && facts.Handlers.Contains(self),
            _ => false,
        };
        return allowed ? AccessVerdict.Allowed : AccessVerdict.Denied($"{caller.Subject} may not act on {Describe(target)}: {Scope(caller)}");
    }

    /// <summary>
    /// An actor field: empty takes the caller's own identity; the caller's own identity stands;
    /// another identity stands only for a platform admin, or for a lead or operations manager
    /// naming a specialist (whose record they must then reach).
    /// </summary>
    public static ActorCheck Actor(Caller caller, ActorKind kind, string value)
    {
        var own = OwnIdentity(caller, kind);
        if (value.Length == 0)
        {
            return new ActorCheck(AccessVerdict.Allowed, own ?? string.Empty, false);
        }

        if (value == own || caller.IsAdmin)
        {
            return new ActorCheck(AccessVerdict.Allowed, value, false);
        }

        return kind == ActorKind.Specialist && caller.ActsForSpecialists
            ? new ActorCheck(AccessVerdict.Allowed, value, true)
            : new ActorCheck(AccessVerdict.Denied($"the request names '{value}' but the caller is {caller.Subject}; only a lead or operations manager may act for a specialist of their team"), value, false);
    }

    /// <summary>What an actor field of this kind says for the caller themselves; null when they have no such identity (a tool is no specialist).</summary>
    public static string? OwnIdentity(Caller caller, ActorKind kind) => kind switch
    {
        ActorKind.Specialist => caller.SpecialistId is null ? null : caller.Subject,
        ActorKind.Client => caller.ClientId,
        _ => caller.Subject,
    };

    private static string Describe(AccessObject target) => target.Kind switch
    {
        ObjectKind.Organisation => "the whole organisation",
        ObjectKind.Client => $"client '{target.Id}'",
        ObjectKind.Team => $"teams/{target.Id}",
        ObjectKind.Specialist => $"specialists/{target.Id}",
        ObjectKind.Queue => $"queues/{target.Id}",
        ObjectKind.QueueItems => $"the items of queues/{target.Id}",
        _ => $"queues/{target.Id}/workItems/{target.ItemId}",
    };

    private static string Scope(Caller caller) =>
        caller.IsService ? $"the token grants queues [{string.Join(", ", caller.Queues)}] and teams [{string.Join(", ", caller.Teams)}]"
        : caller.ManagesTeams ? $"the token reaches teams [{string.Join(", ", caller.Teams)}]"
        : "a specialist acts only on their own records and items";
}
