using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Monitoring;

/// <summary>A specialist's day as stored with their desk.</summary>
[GenerateSerializer, Alias("safety.SpecialistDayState")]
public sealed class SpecialistDayState
{
    [Id(0)] public SpecialistDayRecord? Day { get; set; }
}
