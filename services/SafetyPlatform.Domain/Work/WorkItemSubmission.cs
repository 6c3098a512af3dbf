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
    [property: JsonPropertyName("GoldenAnswer"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? GoldenAnswer = null)
{
    /// <summary>
    /// A golden item: a known-answer item a QA lead seeded, scored when completed
    /// (<see cref="Quality.GoldenItems"/>), never handed to a client's outbox. Nothing a specialist
    /// sees tells it apart: the answer is never put on the API's work item.
    /// </summary>
    [JsonIgnore]
    public bool IsGolden => GoldenAnswer is not null;

    /// <summary>The idempotency key: a client's request id names one item in a queue.</summary>
    [JsonIgnore]
    public string RequestKey => Client + "\n" + RequestId;
}
