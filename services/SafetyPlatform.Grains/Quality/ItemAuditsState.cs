namespace SafetyPlatform.Grains.Quality;

/// <summary>An item's audits as stored, with the decision they audited. Never rename the properties.</summary>
[GenerateSerializer, Alias("safety.ItemAuditsState")]
public sealed class ItemAuditsState
{
    [Id(0)] public List<StoredAudit> Audits { get; set; } = [];

    [Id(1)] public string Decision { get; set; } = string.Empty;
}
