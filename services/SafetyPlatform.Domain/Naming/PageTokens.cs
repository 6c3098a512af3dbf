using System.Buffers.Text;
using System.Text;

namespace SafetyPlatform.Domain.Naming;

/// <summary>
/// Opaque page tokens (AIP-158). A token carries the list it belongs to and the key after
/// which the next page starts, so a token from one list is refused by another.
/// </summary>
public static class PageTokens
{
    public static string Encode(string list, string afterKey) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{list}\n{afterKey}"));

    /// <summary>Empty token → empty key (the first page). False for a malformed token.</summary>
    public static bool TryDecode(string? token, string list, out string afterKey)
    {
        afterKey = string.Empty;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        if (token.Length > 1024)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes);
        var split = text.IndexOf('\n', StringComparison.Ordinal);
        if (split < 0 || text[..split] != list || split == text.Length - 1)
        {
            return false;
        }

        afterKey = text[(split + 1)..];
        return true;
    }

    /// <summary>Page size rule: 0 means the default; 1..max as asked; anything else is refused.</summary>
    public static bool TryResolvePageSize(int requested, out int pageSize, int defaultSize = 50, int maxSize = 1000)
    {
        pageSize = requested == 0 ? defaultSize : requested;
        return requested >= 0 && requested <= maxSize;
    }
}
