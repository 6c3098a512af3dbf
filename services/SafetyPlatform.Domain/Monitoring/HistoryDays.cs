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
}
