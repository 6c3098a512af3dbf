using SafetyPlatform.Domain.Security;

namespace SafetyPlatform.Security;

/// <summary>A request field that names who acts; it is filled from the token when empty and checked when not.</summary>
public sealed record ActorField(string Path, ActorKind Kind);
