using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SafetyPlatform.Domain.Security;

/// <summary>
/// A hash chain over audit entries. Each entry's hash is over its own fields and the hash of the
/// entry before it, so changing any field of any entry, removing one, or reordering them breaks
/// every hash after it. The chain's head (last sequence and hash) is kept apart from the entries,
/// so removing entries from the end is seen too. With a key the hash is HMAC-SHA-256, so someone
/// who can rewrite the stored entries but does not hold the key cannot recompute the chain after
/// an edit; without one it is plain SHA-256, which shows only edits that leave the hashes alone.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of a chain's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The next entry after the chain's head.</summary>
    public static AuditRecord Append(string chain, AuditChainHead head, DateTimeOffset time, string caller, string method, string resource, string result, byte[]? key = null)
    {
        var sequence = head.Sequence + 1;
        return new AuditRecord(chain, sequence, time, caller, method, resource, result, head.Hash,
            HashOf(chain, sequence, time, caller, method, resource, result, head.Hash, key));
    }

    /// <summary>
    /// Hex SHA-256 of the fields in a fixed order, written as a JSON array so that no value can
    /// pass for another by containing a separator.
    /// </summary>
    public static string HashOf(string chain, long sequence, DateTimeOffset time, string caller, string method, string resource, string result, string previousHash, byte[]? key = null)
    {
        var canonical = JsonSerializer.Serialize(new[]
        {
            chain, sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), time.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            caller, method, resource, result, previousHash,
        });
        var bytes = Encoding.UTF8.GetBytes(canonical);
        return Convert.ToHexStringLower(key is null ? SHA256.HashData(bytes) : HMACSHA256.HashData(key, bytes));
    }

    /// <summary>
    /// Checks a chain read in sequence order against its head: sequences run 1, 2, 3… with no gap,
    /// each entry's hash is the hash of its fields, each links to the one before, and the last
    /// is the head.
    /// </summary>
    public static AuditChainCheck Verify(string chain, IEnumerable<AuditRecord> entries, AuditChainHead head, byte[]? key = null)
    {
        var expectedSequence = 1L;
        var previous = Genesis;
        var count = 0L;
        foreach (var entry in entries)
        {
            count++;
            var problem =
                entry.Sequence != expectedSequence ? $"expected entry {expectedSequence} but found {entry.Sequence}: entries are missing or out of order"
                : entry.PreviousHash != previous ? "its link to the entry before does not match that entry's hash"
                : entry.Hash != HashOf(chain, entry.Sequence, entry.Time, entry.Caller, entry.Method, entry.Resource, entry.Result, entry.PreviousHash, key)
                    ? "its fields do not match its hash: the entry was changed"
                : null;
            if (problem is not null)
            {
                return new AuditChainCheck(chain, count, false, expectedSequence, problem, head);
            }

            previous = entry.Hash;
            expectedSequence++;
        }

        var last = expectedSequence - 1;
        if (last != head.Sequence || previous != head.Hash)
        {
            return new AuditChainCheck(chain, count, false, last + 1,
                $"the chain ends at entry {last} but its head says {head.Sequence}: entries were removed from the end, or the head was changed", head);
        }

        return new AuditChainCheck(chain, count, true, null, string.Empty, head);
    }
}
