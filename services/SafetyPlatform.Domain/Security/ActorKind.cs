namespace SafetyPlatform.Domain.Security;

/// <summary>Which identity a request field names as the one acting; it comes from the token (<see cref="AccessRules.Actor"/>).</summary>
public enum ActorKind
{
    /// <summary>`specialists/{id}`: the specialist who asks for, accepts or completes work. A lead may name a member of their team.</summary>
    Specialist,

    /// <summary>The caller's own name (`specialists/…`, `people/…` or `clients/…`), recorded as who made a change or an audit.</summary>
    Person,

    /// <summary>The caller's own client id: the tool that submits work and reads its outcomes.</summary>
    Client,
}
