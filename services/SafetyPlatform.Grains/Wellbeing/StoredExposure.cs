using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Wellbeing;

/// <summary>A specialist's exposure ledger as stored: its entries and wellness breaks, and when their shift began (null before one has).</summary>
public sealed record StoredExposure(IReadOnlyList<ExposureEntry> Entries, IReadOnlyList<WellnessBreak> Breaks, DateTimeOffset? ShiftStart)
{
    public static StoredExposure Empty { get; } = new([], [], null);
}
