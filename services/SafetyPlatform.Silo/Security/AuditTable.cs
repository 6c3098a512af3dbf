using System.Text.Json;
using Azure.Data.Tables;
using SafetyPlatform.Domain.Security;

namespace SafetyPlatform.Silo.Security;

/// <summary>
/// How the audit log is stored: table `AuditLog`, one partition per chain. Entries are kept in
/// blocks, one row per block of consecutive entries (as JSON, with the block's first and last
/// sequence and time as columns to filter on), keyed by the first sequence (12 digits, so rows sort
/// in sequence order); a `head` row, after every block in key order, holds the chain's last
/// sequence and hash. Blocks, not a row per entry: the table store's cost is per row, and a busy
/// silo writes thousands of entries a second (docs/PERFORMANCE.md).
/// </summary>
public static class AuditTable
{
    public const string Name = "AuditLog";
    public const string HeadRow = "head";

    /// <summary>A table string column holds at most 32K characters; a block stays well inside it.</summary>
    public const int MaxBlockCharacters = 24_000;

    public static TableEntity BlockRow(IReadOnlyList<AuditRecord> block) => new(block[0].Chain, SequenceKey(block[0].Sequence))
    {
        ["First"] = block[0].Sequence,
        ["Last"] = block[^1].Sequence,
        ["TimeFrom"] = block[0].Time,
        ["TimeTo"] = block[^1].Time,
        ["Entries"] = JsonSerializer.Serialize(block.Select(StoredAuditEntry.Of)),
    };

    public static IReadOnlyList<AuditRecord> Entries(TableEntity blockRow) =>
        [.. (JsonSerializer.Deserialize<StoredAuditEntry[]>(blockRow.GetString("Entries") ?? "[]") ?? []).Select(e => e.ToRecord(blockRow.PartitionKey))];

    /// <summary>A rough size of an entry in a block, to keep blocks under <see cref="MaxBlockCharacters"/>.</summary>
    public static int SizeOf(AuditRecord record) => 220 + record.Caller.Length + record.Method.Length + record.Resource.Length + record.Result.Length;

    /// <summary>Row keys sort in sequence order.</summary>
    public static string SequenceKey(long sequence) => sequence.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);

    public static TableEntity HeadRowOf(string chain, AuditChainHead head) => new(chain, HeadRow)
    {
        ["Sequence"] = head.Sequence,
        ["Hash"] = head.Hash,
    };

    public static AuditChainHead HeadFrom(TableEntity row) => new(row.GetInt64("Sequence") ?? 0, row.GetString("Hash") ?? AuditChain.Genesis);
}
