using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace SafetyPlatform.Domain.Naming;

/// <summary>
/// Resource ids and names in the style of Google's API design guide (AIP-122):
/// `teams/{team}`, `specialists/{specialist}`. An id is 1 to 63 characters of lower-case
/// letters, digits and hyphens, starting with a letter and not ending with a hyphen.
/// </summary>
public static partial class ResourceIds
{
    public const int MaxIdLength = 63;

    [GeneratedRegex("^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>Parses `{collection}/{id}`; false when the name has another shape.</summary>
    public static bool TryParse(string? name, string collection, out string id)
    {
        id = string.Empty;
        if (string.IsNullOrEmpty(name) || name.Length > collection.Length + 1 + MaxIdLength)
        {
            return false;
        }

        var prefix = collection + "/";
        if (!name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var candidate = name[prefix.Length..];
        if (!IsValidId(candidate))
        {
            return false;
        }

        id = candidate;
        return true;
    }

    public static string Name(string collection, string id) => $"{collection}/{id}";

    /// <summary>A fresh id: a letter then 15 random base-32 characters (75 bits).</summary>
    public static string NewId(char lead)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        Span<byte> bytes = stackalloc byte[15];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[16];
        chars[0] = lead;
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i + 1] = alphabet[bytes[i] & 31];
        }

        return new string(chars);
    }
}

/// <summary>The collections of the roster API.</summary>
public static class Collections
{
    public const string Teams = "teams";
    public const string Specialists = "specialists";
}
