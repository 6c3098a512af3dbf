namespace SafetyPlatform.Domain.Security;

/// <summary>Allowed; refused (PERMISSION_DENIED); or not there to act on (NOT_FOUND).</summary>
public enum AccessOutcome
{
    Allowed,
    Denied,
    NotFound,
}
