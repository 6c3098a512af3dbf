namespace SafetyPlatform.Domain.Work;

/// <summary>
/// A 64-bit hash of a string that is the same on every machine and in every build (FNV-1a over
/// its UTF-16 code units), for indexes that are stored. Among a million keys the chance that any
/// two share a hash is about 3 in 100 million (n²/2^65), so a hit is always confirmed against the
/// item itself; a collision of two idempotency keys would make the later one look new.
/// </summary>
public static class StableHash
{
    public static long Of(string value)
    {
        const ulong offset = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offset;
        foreach (var c in value)
        {
            hash = (hash ^ (byte)c) * prime;
            hash = (hash ^ (byte)(c >> 8)) * prime;
        }

        return unchecked((long)hash);
    }
}
