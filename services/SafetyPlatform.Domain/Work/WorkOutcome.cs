using System.Text.Json.Serialization;

namespace SafetyPlatform.Domain.Work;

/// <summary>A specialist's decision on an item. The JSON names are the stored format: never rename them.</summary>
public sealed record WorkOutcome(
    [property: JsonPropertyName("Decision")] string Decision,
    [property: JsonPropertyName("Policy")] string Policy,
    [property: JsonPropertyName("Notes")] string Notes,
    [property: JsonPropertyName("HandleTime")] TimeSpan HandleTime,
    [property: JsonPropertyName("CompleteTime")] DateTimeOffset CompleteTime,
    [property: JsonPropertyName("SpecialistId")] string SpecialistId);
