namespace SafetyPlatform.Domain.Monitoring;

/// <summary>
/// A first estimate of the specialists a queue needs now: enough to keep up with what arrives
/// (arrival rate × handle time, in specialists busy at once) plus enough to clear what already
/// waits within <see cref="ClearBacklogWithin"/> (waiting × handle time ÷ that horizon), rounded
/// up. Arrivals are those of the queue's recent window (the current minute and the 14 before
/// it), taken as 15 minutes' worth. The capacity issue replaces it with Erlang C
/// against the queue's service-level target; this one ignores randomness and concurrency.
/// </summary>
public static class StaffingEstimate
{
    /// <summary>How quickly the estimate plans to work off the items already waiting.</summary>
    public static readonly TimeSpan ClearBacklogWithin = TimeSpan.FromMinutes(15);

    /// <summary>Over how long the arrival rate is measured.</summary>
    public static readonly TimeSpan ArrivalWindow = TimeSpan.FromMinutes(15);

    /// <summary>Specialists needed; null without a handle time to estimate from.</summary>
    public static int? Needed(int arrivalsInWindow, int waiting, TimeSpan? handleTime)
    {
        if (handleTime is not { } h)
        {
            return null;
        }

        var keepUp = arrivalsInWindow * h / ArrivalWindow;
        var clear = waiting * h / ClearBacklogWithin;
        // Rounded to a hundredth first, so 7.000000001 from floating point is 7, not 8.
        return (int)Math.Ceiling(Math.Round(keepUp + clear, 2));
    }
}
