namespace SafetyPlatform.Grains.Targets;

/// <summary>A specialist's or a team's targets as stored. Never rename the properties.</summary>
[GenerateSerializer, Alias("safety.TargetsState")]
public sealed class TargetsState
{
    [Id(0)] public List<StoredTarget> Targets { get; set; } = [];
}
