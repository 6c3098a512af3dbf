namespace SafetyPlatform.Domain.Work;

/// <summary>
/// The order in which waiting items are offered: highest priority first (P0 before P3); within a
/// priority the one closest to breaching its deadline; then the oldest; then by id, so the order
/// is total and the same on every silo.
/// </summary>
public sealed class BacklogOrder : IComparer<BacklogEntry>
{
    public static BacklogOrder Instance { get; } = new();

    public int Compare(BacklogEntry x, BacklogEntry y)
    {
        var byPriority = x.Priority.CompareTo(y.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byDeadline = x.Deadline.CompareTo(y.Deadline);
        if (byDeadline != 0)
        {
            return byDeadline;
        }

        var byArrival = x.Arrival.CompareTo(y.Arrival);
        return byArrival != 0 ? byArrival : string.CompareOrdinal(x.ItemId, y.ItemId);
    }

    /// <summary>A time as people on any floor read it: UTC, `2026-12-01 09:20:00Z`.</summary>
    public static string Utc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Why <paramref name="first"/> comes before <paramref name="second"/>, in the floor's words.</summary>
    public static string WhyBefore(BacklogEntry first, BacklogEntry second)
    {
        if (first.Priority != second.Priority)
        {
            return $"it is {first.Priority}, the other {second.Priority}";
        }

        if (first.Deadline != second.Deadline)
        {
            return $"both are {first.Priority} and it is due first ({Utc(first.Deadline)}, the other {Utc(second.Deadline)})";
        }

        return first.Arrival != second.Arrival
            ? $"both are {first.Priority}, due at the same time, and it arrived first ({Utc(first.Arrival)})"
            : "same priority, deadline and arrival: the lower id goes first";
    }
}
