using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace SafetyPlatform.Security;

/// <summary>Token validation, set up once for both hosts (the gateway and the silos).</summary>
public static class SecuritySetup
{
    public const string SectionName = "Security";

    /// <summary>
    /// JWT bearer authentication from the `Security` section: an OIDC authority in production, or
    /// the local issuer's key file in development. Claim names stay as the token has them.
    /// </summary>
    public static SecurityOptions AddSafetyAuthentication(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SectionName).Get<SecurityOptions>() ?? new SecurityOptions();
        options.Reflection ??= builder.Environment.IsDevelopment();
        if (options.Authority is null && options.SigningKeysFile is null)
        {
            throw new InvalidOperationException(
                "Security: set Security:Authority (an OpenID Connect identity provider) or Security:SigningKeysFile (the local issuer's keys, see README); every call needs a verified token.");
        }

        var keys = options.SigningKeysFile is { } file ? new JsonWebKeySet(File.ReadAllText(file)).GetSigningKeys() : null;
        builder.Services.AddSingleton(options);
        var tokens = new CachedTokenHandler(TimeProvider.System);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenHandlers.Clear();
            jwt.TokenHandlers.Add(tokens);
            jwt.Authority = options.Authority;
            jwt.Audience = options.Audience;
            jwt.RequireHttpsMetadata = options.Authority?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ?? false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                IssuerSigningKeys = keys,
                ClockSkew = options.ClockSkew,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                NameClaimType = options.SubjectClaim,
                RoleClaimType = TokenClaims.Roles,
            };
        });
        return options;
    }
}
