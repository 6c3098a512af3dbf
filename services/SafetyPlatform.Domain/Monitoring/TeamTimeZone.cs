namespace SafetyPlatform.Domain.Monitoring;

/// <summary>The clock a team's days run on.</summary>
public static class TeamTimeZone
{
    /// <summary>
    /// The zone named <paramref name="id"/> (IANA, such as <c>Europe/Dublin</c>); UTC when empty
    /// or unknown to this machine, so that a team keeps UTC days rather than none.
    /// </summary>
    public static TimeZoneInfo Find(string id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    /// <summary>The local date in <paramref name="zone"/> at <paramref name="at"/>.</summary>
    public static DateOnly LocalDay(TimeZoneInfo zone, DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>The instant of local midnight starting <paramref name="day"/> in <paramref name="zone"/> (an hour later where the clocks skip midnight).</summary>
    public static DateTimeOffset Midnight(TimeZoneInfo zone, DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        // Where the clocks go back at midnight, midnight comes twice: the day starts at the first.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
