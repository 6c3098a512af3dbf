namespace SafetyPlatform.Security;

/// <summary>What a locally minted token says: who, in which roles, with which scopes, reaching which teams and queues, for how long.</summary>
public sealed record TokenRequest(
    string Subject,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> Teams,
    IReadOnlyList<string> Queues,
    TimeSpan Lifetime)
{
    /// <summary>When the token was issued (default: now); a time in the past mints an expired token for tests.</summary>
    public DateTimeOffset? IssuedAt { get; init; }
}
