using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SafetyPlatform.Silo.Storage;

/// <summary>
/// Which tables hold a queue's item partitions: the journal `Items{queue hash}g{generation}`
/// (open items' copies) and the archive `Done{queue hash}g{generation}` (finished items), one
/// table per <see cref="PartitionsPerTable"/> partitions of one queue (10,000 items by
/// arrival), and the digests of closed partitions in <see cref="Digests"/>. Bounded tables keep
/// the cost of a row write flat over a queue's life: in Azurite, updating a row costs time that
/// grows with the rows in its table (0.15 ms at 2,000 rows, 0.43 ms at 150,000,
/// docs/PERFORMANCE.md), while Azure itself scales by partition either way. They also let a
/// whole generation of superseded journal copies be dropped as one table.
/// </summary>
public static class WorkItemTables
{
    public const int PartitionsPerTable = 5;

    /// <summary>One row per closed partition of every queue: partition key the queue id, row key the partition.</summary>
    public const string Digests = "WorkItemPartitionDigests";

    /// <summary>The journal table of a queue's partition.</summary>
    public static string Journal(string queueId, int partition) => Name("Items", queueId, partition);

    /// <summary>The archive table of a queue's partition.</summary>
    public static string Archive(string queueId, int partition) => Name("Done", queueId, partition);

    /// <summary>
    /// A table name is 3–63 letters and digits, starting with a letter; queue ids also carry
    /// hyphens and run to 63 characters, so the name carries a hash of the id instead.
    /// </summary>
    private static string Name(string kind, string queueId, int partition)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(queueId));
        return string.Create(CultureInfo.InvariantCulture,
            $"{kind}{Convert.ToHexStringLower(hash, 0, 8)}g{partition / PartitionsPerTable:D5}");
    }
}
