using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace SafetyPlatform.Security;

/// <summary>Why a call is not authenticated, in words a caller can act on (the token itself is never echoed).</summary>
public static class TokenProblems
{
    public static string Describe(AuthenticateResult? result, string subjectClaim = TokenClaims.Subject) => result?.Failure switch
    {
        null when result?.Succeeded == true => $"the bearer token names no caller (claim '{subjectClaim}')",
        null => "a bearer token is required (metadata `authorization: Bearer <token>`)",
        SecurityTokenExpiredException => "the bearer token has expired; get a new one",
        SecurityTokenNotYetValidException => "the bearer token is not valid yet",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "the bearer token's signature is not valid for this platform",
        SecurityTokenInvalidAudienceException => "the bearer token is for another audience",
        SecurityTokenInvalidIssuerException => "the bearer token is from an issuer this platform does not trust",
        var other => $"the bearer token is not valid ({other.GetType().Name})",
    };
}
