using System.Collections.Immutable;
using System.Text.Json.Serialization;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Work;

/// <summary>What a submitting tool sends for one item. The JSON names are the stored format: never rename them.</summary>
public sealed record WorkItemSubmission(
    [property: JsonPropertyName("Client")] string Client,
    [property: JsonPropertyName("RequestId")] string RequestId,
    [property: JsonPropertyName("ContentId")] string ContentId,
    [property: JsonPropertyName("ContentUri")] string ContentUri,
    [property: JsonPropertyName("HarmCategory")] HarmCategory HarmCategory,
    [property: JsonPropertyName("Priority")] Priority Priority,
    [property: JsonPropertyName("Language")] string Language,
    [property: JsonPropertyName("Deadline")] DateTimeOffset? Deadline,
    [property: JsonPropertyName("Labels")] ImmutableDictionary<string, string> Labels,
    // Omitted when absent, so an ordinary item is stored exactly as builds before golden items wrote it.
    [property: JsonPropertyName("GoldenAnswer"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? GoldenAnswer = null,
    [property: JsonPropertyName("AuditedItem"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AuditedItem = null,
    [property: JsonPropertyName("AuditedSpecialist"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AuditedSpecialist = null)
{
    /// <summary>
    /// A golden item: a known-answer item a QA lead seeded, scored when completed
    /// (<see cref="Quality.GoldenItems"/>), never handed to a client's outbox. Nothing a specialist
    /// sees tells it apart: the answer is never put on the API's work item.
    /// </summary>
    [JsonIgnore]
    public bool IsGolden => GoldenAnswer is not null;

    /// <summary>
    /// Audit work: an audit of <see cref="AuditedItem"/> (a work item's name), which
    /// <see cref="AuditedSpecialist"/> (an id) completed, made by audit sampling
    /// (<see cref="Quality.AuditSampling"/>). Never offered to the specialist audited.
    /// </summary>
    [JsonIgnore]
    public bool IsAudit => AuditedItem is not null;

    /// <summary>Whether the outcome goes to the submitting client's outbox: not for golden items or audit work, whose "client" is the platform.</summary>
    [JsonIgnore]
    public bool HasClientOutbox => !IsGolden && !IsAudit;

    /// <summary>The idempotency key: a client's request id names one item in a queue.</summary>
    [JsonIgnore]
    public string RequestKey => Client + "\n" + RequestId;
}
