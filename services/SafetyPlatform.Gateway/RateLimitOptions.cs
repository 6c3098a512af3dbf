namespace SafetyPlatform.Gateway;

/// <summary>A token bucket: a burst of <see cref="TokenLimit"/> calls, refilled by <see cref="TokensPerPeriod"/> every <see cref="ReplenishmentPeriod"/>.</summary>
public sealed class RateLimitOptions
{
    public int TokenLimit { get; set; } = 1000;

    public int TokensPerPeriod { get; set; } = 500;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
