namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>Exposure over a window: items started in it, minutes of handling in it, and those minutes weighted by severity.</summary>
public sealed record ExposureAmount(int Items, TimeSpan Time, double WeightedMinutes)
{
    public static ExposureAmount None { get; } = new(0, TimeSpan.Zero, 0);
}
