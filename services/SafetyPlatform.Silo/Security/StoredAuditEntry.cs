using System.Text.Json.Serialization;
using SafetyPlatform.Domain.Security;

namespace SafetyPlatform.Silo.Security;

/// <summary>One audit entry as stored in its block (the chain is the row's partition). The JSON names are the stored format: never rename them.</summary>
public sealed record StoredAuditEntry(
    [property: JsonPropertyName("s")] long Sequence,
    [property: JsonPropertyName("t")] DateTimeOffset Time,
    [property: JsonPropertyName("c")] string Caller,
    [property: JsonPropertyName("m")] string Method,
    [property: JsonPropertyName("r")] string Resource,
    [property: JsonPropertyName("x")] string Result,
    [property: JsonPropertyName("p")] string PreviousHash,
    [property: JsonPropertyName("h")] string Hash)
{
    public static StoredAuditEntry Of(AuditRecord r) => new(r.Sequence, r.Time, r.Caller, r.Method, r.Resource, r.Result, r.PreviousHash, r.Hash);

    public AuditRecord ToRecord(string chain) => new(chain, Sequence, Time, Caller, Method, Resource, Result, PreviousHash, Hash);
}
