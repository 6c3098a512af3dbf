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

    /// <summary>Why <paramref name="first"/> comes before <paramref name="second"/>, in the floor's words.</summary>
    public static string WhyBefore(BacklogEntry first, BacklogEntry second)
    {
        if (first.Priority != second.Priority)
        {
            return $"it is {first.Priority}, the other {second.Priority}";
        }

        if (first.Deadline != second.Deadline)
        {
            return $"both are {first.Priority} and it is due first ({first.Deadline:yyyy-MM-dd HH:mm:ss}Z, the other {second.Deadline:yyyy-MM-dd HH:mm:ss}Z)";
        }

        return first.Arrival != second.Arrival
            ? $"both are {first.Priority}, due at the same time, and it arrived first ({first.Arrival:yyyy-MM-dd HH:mm:ss}Z)"
            : "same priority, deadline and arrival: the lower id goes first";
    }
}
