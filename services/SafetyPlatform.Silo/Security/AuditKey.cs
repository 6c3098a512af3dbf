using SafetyPlatform.Security;

namespace SafetyPlatform.Silo.Security;

/// <summary>The audit log's HMAC key (`Security:AuditKeyFile`), or none: then the chain's hashes are plain SHA-256.</summary>
public sealed record AuditKey(byte[]? Bytes)
{
    public const int MinimumBytes = 32;

    public static AuditKey From(SecurityOptions options)
    {
        if (options.AuditKeyFile is not { Length: > 0 } file)
        {
            return new AuditKey((byte[]?)null);
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(File.ReadAllText(file).Trim());
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"Security:AuditKeyFile ({file}) does not hold base64", e);
        }

        return key.Length >= MinimumBytes
            ? new AuditKey(key)
            : throw new InvalidOperationException($"Security:AuditKeyFile ({file}) holds {key.Length} bytes; an audit key needs at least {MinimumBytes}");
    }
}
