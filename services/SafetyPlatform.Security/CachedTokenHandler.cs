using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SafetyPlatform.Security;

/// <summary>
/// Validates a bearer token once and remembers the answer for as long as the token stays valid
/// (at most <see cref="MaxAge"/>): a client sends the same token with every call, and checking its
/// RS256 signature on each one was most of what authentication cost (docs/PERFORMANCE.md). Only
/// successes are kept; the key is the whole token, so a changed token is validated afresh.
/// </summary>
public sealed class CachedTokenHandler(TimeProvider time) : TokenHandler
{
    /// <summary>How long a validation is trusted before the token is checked again (a removed signing key takes effect within it).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private const int MaxEntries = 50_000;
    private readonly JsonWebTokenHandler _inner = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, (TokenValidationResult Result, DateTimeOffset Until)> _validated = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = time.GetUtcNow();
        if (_validated.TryGetValue(token, out var known) && now < known.Until)
        {
            return known.Result;
        }

        var result = await _inner.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        if (result.IsValid && result.SecurityToken is { } validated)
        {
            if (_validated.Count >= MaxEntries)
            {
                // Rare (that many live tokens at once): start afresh rather than track ages.
                _validated.Clear();
            }

            var expires = new DateTimeOffset(validated.ValidTo, TimeSpan.Zero);
            _validated[token] = (result, expires < now + MaxAge ? expires : now + MaxAge);
        }

        return result;
    }

    public override SecurityToken ReadToken(string token) => _inner.ReadToken(token);
}
