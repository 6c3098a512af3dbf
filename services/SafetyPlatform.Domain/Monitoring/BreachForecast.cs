using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Domain.Monitoring;

/// <summary>
/// Predicts the first breach among waiting items, fed in routing order. With S specialists
/// serving the queue and an average handle time H, the staffed floor takes S items every H: the
/// item with k items ahead of it (overdue ones included, since they are served first too) is
/// predicted to be finished at now + (⌊k / S⌋ + 1) × H. It breaches if that is after its
/// deadline, and the breach happens at its deadline. The first breach is the earliest such
/// deadline. Items already overdue have breached; they are counted apart, not predicted. With
/// nobody serving, every waiting item breaches at its deadline. A first estimate: it takes each
/// specialist as taking one item at a time from now (docs/METRICS.md).
/// </summary>
public sealed class BreachForecast(int staffed, TimeSpan? handleTime, DateTimeOffset now)
{
    private long _ahead;
    private DateTimeOffset? _firstBreach;
    private string? _itemId;

    /// <summary>The next waiting item in routing order.</summary>
    public void Add(BacklogEntry entry)
    {
        var ahead = _ahead++;
        if (entry.Deadline <= now || _firstBreach <= entry.Deadline || (staffed > 0 && handleTime is null))
        {
            return;
        }

        if (staffed == 0 || now + (ahead / staffed + 1) * handleTime!.Value > entry.Deadline)
        {
            _firstBreach = entry.Deadline;
            _itemId = entry.ItemId;
        }
    }

    public BreachPrediction Result() => staffed > 0 && handleTime is null
        ? new BreachPrediction(null, null, staffed, null, "no item was completed here in the last 15 minutes: no handle time to predict from")
        : new BreachPrediction(_firstBreach, _itemId, staffed, handleTime, null);
}
