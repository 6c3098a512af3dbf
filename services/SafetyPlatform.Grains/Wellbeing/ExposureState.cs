using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Wellbeing;

/// <summary>A specialist's exposure ledger as stored with their desk, and when their shift began.</summary>
[GenerateSerializer, Alias("safety.ExposureState")]
public sealed class ExposureState
{
    [Id(0)] public List<ExposureEntry> Entries { get; set; } = [];

    [Id(1)] public List<WellnessBreak> Breaks { get; set; } = [];

    /// <summary>When they last came on from OFFLINE; null before they ever have.</summary>
    [Id(2)] public DateTimeOffset? ShiftStart { get; set; }
}
