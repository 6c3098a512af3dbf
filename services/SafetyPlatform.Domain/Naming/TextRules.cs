using System.Text.RegularExpressions;

namespace SafetyPlatform.Domain.Naming;

/// <summary>Limits on free text and codes, shared by every API that takes them.</summary>
public static partial class TextRules
{
    public const int MaxDisplayName = 200;
    public const int MaxSiteOrVendor = 100;
    public const int MaxReason = 500;
    public const int MaxActor = 200;
    public const int MaxRequestId = 100;
    public const int MaxSkills = 20;
    public const int MaxConcurrentItems = 20;

    [GeneratedRegex("^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTagPattern();

    [GeneratedRegex("^[\\x21-\\x7E]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PrintableAscii();

    /// <summary>A BCP-47 tag in its common shape: `en`, `pt-BR`, `zh-Hant-TW`.</summary>
    public static bool IsLanguageTag(string? tag) => tag is { Length: <= 35 } && LanguageTagPattern().IsMatch(tag);

    /// <summary>A request id: 1 to 100 printable ASCII characters, no spaces.</summary>
    public static bool IsRequestId(string? id) => id is { Length: > 0 and <= MaxRequestId } && PrintableAscii().IsMatch(id);

    /// <summary>An IANA time zone this machine knows, such as `Europe/Dublin`.</summary>
    public static bool IsTimeZone(string? zone)
    {
        if (string.IsNullOrEmpty(zone) || zone.Length > 64)
        {
            return false;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(zone).HasIanaId;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>Text with no control characters, within a length (counted in UTF-16 units).</summary>
    public static bool IsCleanText(string? text, int maxLength) =>
        text is not null && text.Length <= maxLength && !text.Any(char.IsControl);
}
