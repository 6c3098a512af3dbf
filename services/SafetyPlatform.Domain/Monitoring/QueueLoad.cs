using System.Collections.Immutable;
using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Domain.Monitoring;

/// <summary>
/// A queue's backlog at one moment: waiting items by priority, offers out and items in hand,
/// the oldest waiting item's age, items at risk (their deadline within <see cref="AtRiskWithin"/>,
/// not yet passed) and overdue (deadline passed while waiting), the predicted first breach, and
/// the specialists it needs (<see cref="StaffingEstimate"/>) against those staffing it.
/// </summary>
public sealed record QueueLoad(
    DateTimeOffset At,
    ImmutableDictionary<Priority, int> WaitingByPriority,
    int Reserved,
    int Handling,
    TimeSpan? OldestAge,
    TimeSpan AtRiskWithin,
    int AtRisk,
    int Overdue,
    BreachPrediction Prediction,
    int RecentArrivals,
    int? Needed)
{
    /// <summary>The at-risk threshold when the reader names none.</summary>
    public static readonly TimeSpan DefaultAtRiskWithin = TimeSpan.FromMinutes(5);

    public int Waiting => WaitingByPriority.Values.Sum();

    /// <summary>Measures the waiting items, given in routing order, in one pass.</summary>
    public static QueueLoad Measure(
        IEnumerable<BacklogEntry> waitingInRoutingOrder,
        int reserved,
        int handling,
        TimeSpan atRiskWithin,
        int staffed,
        TimeSpan? handleTime,
        int recentArrivals,
        DateTimeOffset now)
    {
        var byPriority = new Dictionary<Priority, int>();
        DateTimeOffset? oldest = null;
        int atRisk = 0, overdue = 0;
        var forecast = new BreachForecast(staffed, handleTime, now);
        foreach (var entry in waitingInRoutingOrder)
        {
            byPriority[entry.Priority] = byPriority.GetValueOrDefault(entry.Priority) + 1;
            oldest = oldest is null || entry.Arrival < oldest ? entry.Arrival : oldest;
            overdue += entry.Deadline <= now ? 1 : 0;
            atRisk += entry.Deadline > now && entry.Deadline - now <= atRiskWithin ? 1 : 0;
            forecast.Add(entry);
        }

        var waiting = byPriority.Values.Sum();
        return new QueueLoad(now, byPriority.ToImmutableDictionary(), reserved, handling,
            oldest is { } first ? now - first : null, atRiskWithin, atRisk, overdue, forecast.Result(),
            recentArrivals, StaffingEstimate.Needed(recentArrivals, waiting, handleTime));
    }
}
