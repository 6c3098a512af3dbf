using System.Text.Json.Serialization;

namespace SafetyPlatform.Domain.Work;

/// <summary>
/// One change in an item's life: who did what, from which status to which, and why. The JSON
/// names are the stored format: never rename them.
/// </summary>
public sealed record WorkItemEvent(
    [property: JsonPropertyName("Sequence")] int Sequence,
    [property: JsonPropertyName("From")] WorkItemStatus From,
    [property: JsonPropertyName("To")] WorkItemStatus To,
    [property: JsonPropertyName("At")] DateTimeOffset At,
    [property: JsonPropertyName("Actor")] string Actor,
    [property: JsonPropertyName("Action")] WorkItemAction Action,
    [property: JsonPropertyName("Reason")] string Reason);
