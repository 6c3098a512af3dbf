using System.Globalization;

namespace SafetyPlatform.Domain.Monitoring;

/// <summary>
/// Which closed days a history read covers: days before today (on the team's clock), no more
/// than <see cref="SpecialistDay.DaysKept"/> back; by default all of them.
/// </summary>
public static class HistoryDays
{
    /// <summary>[From, To) for a read asking for [<paramref name="from"/>, <paramref name="to"/>) (either may be unset) on <paramref name="today"/>.</summary>
    public static (DateOnly From, DateOnly To) Range(DateOnly today, DateOnly? from, DateOnly? to)
    {
        var oldest = today.AddDays(-SpecialistDay.DaysKept);
        var end = to is { } t && t < today ? t : today;
        var start = from is { } f && f > oldest ? f : oldest;
        return (start, end);
    }

    /// <summary>The format of a local date in requests and answers: `2026-11-25`.</summary>
    public const string DayFormat = "yyyy-MM-dd";

    /// <summary>Reads an optional day: empty is unset; anything but `YYYY-MM-DD` is refused.</summary>
    public static bool TryParseDay(string text, out DateOnly? day)
    {
        day = null;
        if (text.Length == 0)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }

        return false;
    }

    /// <summary>The day after <paramref name="last"/>, where the next page starts; false for the last day there is.</summary>
    public static bool TryDayAfter(DateOnly last, out DateOnly next)
    {
        next = last == DateOnly.MaxValue ? last : last.AddDays(1);
        return last != DateOnly.MaxValue;
    }

    /// <summary>`2026-11-25`.</summary>
    public static string Format(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);
}
