namespace SafetyPlatform.Domain.Security;

/// <summary>
/// What the platform knows about a named object when the rules need it: the teams it belongs
/// to (a team itself; a specialist's team; the teams serving a queue or an item's queue) and,
/// for a work item, the specialists who were offered, held or handled it. Null teams: it does not exist.
/// </summary>
public sealed record ObjectFacts(AccessObject Target, IReadOnlyCollection<string>? Teams, IReadOnlyCollection<string> Handlers)
{
    /// <summary>Facts that need no lookup: the organisation, a team, a client.</summary>
    public static ObjectFacts Plain(AccessObject target) => new(target, target.Kind == ObjectKind.Team ? [target.Id] : [], []);

    public bool Exists => Teams is not null;
}
