using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Monitoring;

/// <summary>A specialist's day as stored with their desk, and the team it counts in.</summary>
[GenerateSerializer, Alias("safety.SpecialistDayState")]
public sealed class SpecialistDayState
{
    [Id(0)] public SpecialistDayRecord? Day { get; set; }

    /// <summary>The team the day counts in; unset in days stored before it was kept.</summary>
    [Id(1)] public string? TeamId { get; set; }
}
