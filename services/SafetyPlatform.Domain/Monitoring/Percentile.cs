namespace SafetyPlatform.Domain.Monitoring;

/// <summary>Percentiles by the nearest-rank method: the smallest value that at least p % of the values do not exceed.</summary>
public static class Percentile
{
    /// <summary>The <paramref name="percent"/>th percentile of <paramref name="values"/>; null when there are none.</summary>
    public static TimeSpan? NearestRank(IReadOnlyList<TimeSpan> values, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[rank - 1];
    }
}
