using System.Globalization;

namespace SafetyPlatform.Silo.Security;

/// <summary>Where a listing of the audit log stopped: a chain and the last sequence read in it (`{chain}/{sequence}`).</summary>
public sealed record AuditPosition(string Chain, long Sequence)
{
    public static bool TryParse(string text, out AuditPosition? position)
    {
        position = null;
        var cut = text.LastIndexOf('/');
        if (cut <= 0 || !long.TryParse(text[(cut + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return text.Length == 0;
        }

        position = new AuditPosition(text[..cut], sequence);
        return true;
    }

    public override string ToString() => $"{Chain}/{Sequence.ToString(CultureInfo.InvariantCulture)}";
}
