using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Monitoring;

/// <summary>Stored alerts of one team: open ones and those cleared in the last day.</summary>
[GenerateSerializer, Alias("safety.AlertFeedState")]
public sealed class AlertFeedState
{
    [Id(0)] public List<Alert> Alerts { get; set; } = [];
}
