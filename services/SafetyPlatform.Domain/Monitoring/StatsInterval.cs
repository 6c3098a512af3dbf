namespace SafetyPlatform.Domain.Monitoring;

/// <summary>
/// A reporting interval, from <see cref="Start"/> (included) to <see cref="End"/> (excluded).
/// Intervals sit on the UTC clock: a 1-minute interval starts on a whole minute, a 15-minute one
/// at :00, :15, :30 or :45. Every time zone in use is offset from UTC by whole quarter hours, so
/// the same intervals sit on each team's local clock too.
/// </summary>
public readonly record struct StatsInterval(DateTimeOffset Start, TimeSpan Length)
{
    public static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan FifteenMinutes = TimeSpan.FromMinutes(15);

    public DateTimeOffset End => Start + Length;

    /// <summary>The interval before this one.</summary>
    public StatsInterval Previous => new(Start - Length, Length);

    /// <summary>The interval of <paramref name="length"/> that <paramref name="at"/> falls in.</summary>
    public static StatsInterval Containing(DateTimeOffset at, TimeSpan length)
    {
        if (length <= TimeSpan.Zero || TimeSpan.FromDays(1).Ticks % length.Ticks != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "an interval divides a day evenly");
        }

        var ticks = at.UtcTicks - at.UtcTicks % length.Ticks;
        return new StatsInterval(new DateTimeOffset(ticks, TimeSpan.Zero), length);
    }

    public bool Contains(DateTimeOffset at) => at >= Start && at < End;
}
