namespace SafetyPlatform.Security;

/// <summary>Configuration section `Security`, read the same way by the gateway and every silo.</summary>
public sealed class SecurityOptions
{
    /// <summary>The local issuer's name, the default `iss`.</summary>
    public const string LocalIssuer = "safetyplatform-local";

    /// <summary>The platform's default audience.</summary>
    public const string PlatformAudience = "safetyplatform";

    /// <summary>The `iss` every token must carry.</summary>
    public string Issuer { get; set; } = LocalIssuer;

    /// <summary>The `aud` every token must carry.</summary>
    public string Audience { get; set; } = PlatformAudience;

    /// <summary>
    /// Production: the OpenID Connect authority (the identity provider's base address); its
    /// signing keys are read from its discovery document and refreshed as it rotates them.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>Development and tests: a JSON Web Key Set file with the local issuer's public keys.</summary>
    public string? SigningKeysFile { get; set; }

    /// <summary>
    /// The claim that names the caller as a resource name (`specialists/{id}`, `people/{id}`,
    /// `clients/{id}`). `sub` by default; an identity provider whose `sub` is opaque can put the
    /// name in a claim of its own.
    /// </summary>
    public string SubjectClaim { get; set; } = TokenClaims.Subject;

    /// <summary>How far a token's clock may differ from ours (expiry, not-before).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Silos: a file holding the audit log's key (base64, 32 bytes or more), kept out of the storage
    /// account, so that the chain's hashes are HMACs that no one with only storage access can
    /// recompute. Without it the hashes are plain SHA-256 (docs/SECURITY.md).
    /// </summary>
    public string? AuditKeyFile { get; set; }

    /// <summary>Server reflection, open without a token. Null: on in Development, off elsewhere.</summary>
    public bool? Reflection { get; set; }
}
