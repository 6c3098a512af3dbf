namespace SafetyPlatform.Domain.Monitoring;

/// <summary>
/// How long closed intervals are kept as history: quarter hours for 90 days (trends for
/// planning and reviews), minutes for 7 days (last week's incident, minute by minute). A day has
/// 15 times as many minutes as quarter hours, so a week of minutes costs about what 90 days of
/// quarter hours do.
/// </summary>
public static class StatsRetention
{
    public static readonly TimeSpan QuarterHours = TimeSpan.FromDays(90);

    public static readonly TimeSpan Minutes = TimeSpan.FromDays(7);

    /// <summary>How long intervals of <paramref name="length"/> are kept.</summary>
    public static TimeSpan For(TimeSpan length) =>
        length == StatsInterval.OneMinute ? Minutes
        : length == StatsInterval.FifteenMinutes ? QuarterHours
        : throw new ArgumentOutOfRangeException(nameof(length), length, "history keeps 1-minute and 15-minute intervals");
}
