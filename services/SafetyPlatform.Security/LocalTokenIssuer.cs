using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SafetyPlatform.Security;

/// <summary>
/// The development and test identity provider: an RSA key (kept as PEM) that signs RS256 tokens
/// for a named client or person, and the JSON Web Key Set (public key only) that the gateway and
/// silos are configured with (`Security:SigningKeysFile`). Never for production, where tokens come
/// from the organisation's OpenID Connect provider (`Security:Authority`).
/// </summary>
public sealed class LocalTokenIssuer : IDisposable
{
    private readonly RSA _rsa;
    private readonly RsaSecurityKey _key;
    private readonly JsonWebTokenHandler _handler = new();

    private LocalTokenIssuer(RSA rsa, string issuer, string audience)
    {
        _rsa = rsa;
        Issuer = issuer;
        Audience = audience;
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        // The key id is the key's own fingerprint, so a key file and its JWKS always agree.
        _key = new RsaSecurityKey(rsa) { KeyId = Base64UrlEncoder.Encode(SHA256.HashData(parameters.Modulus!))[..16] };
    }

    public string Issuer { get; }

    public string Audience { get; }

    public static LocalTokenIssuer Create(string issuer = SecurityOptions.LocalIssuer, string audience = SecurityOptions.PlatformAudience) =>
        new(RSA.Create(2048), issuer, audience);

    /// <summary>Loads the key written by <see cref="Save"/>.</summary>
    public static LocalTokenIssuer Load(string privateKeyFile, string issuer = SecurityOptions.LocalIssuer, string audience = SecurityOptions.PlatformAudience)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(privateKeyFile));
        return new LocalTokenIssuer(rsa, issuer, audience);
    }

    /// <summary>Writes the private key (PEM, owner-only) and the public key set the platform validates with.</summary>
    public void Save(string privateKeyFile, string signingKeysFile)
    {
        File.WriteAllText(privateKeyFile, _rsa.ExportRSAPrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(privateKeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllText(signingKeysFile, SigningKeysJson());
    }

    /// <summary>The public JSON Web Key Set: `{"keys":[{"kty":"RSA","kid":…,"n":…,"e":…}]}`.</summary>
    public string SigningKeysJson()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["alg"] = SecurityAlgorithms.RsaSha256,
                    ["kid"] = _key.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        });
    }

    public string Mint(TokenRequest request)
    {
        var issuedAt = (request.IssuedAt ?? DateTimeOffset.UtcNow).UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [TokenClaims.Subject] = request.Subject,
            [TokenClaims.Scope] = string.Join(' ', request.Scopes),
            [TokenClaims.Roles] = request.Roles.ToArray(),
            [TokenClaims.Teams] = request.Teams.ToArray(),
            [TokenClaims.Queues] = request.Queues.ToArray(),
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
        };
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + request.Lifetime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    public void Dispose() => _rsa.Dispose();
}
