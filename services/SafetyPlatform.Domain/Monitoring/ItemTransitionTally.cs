using SafetyPlatform.Domain.Quality;
using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Domain.Monitoring;

/// <summary>
/// What happened to a queue's items in one interval, counted as it happens: each transition
/// once, in the interval of its time. Keeps each accept's wait, so the p90 is exact.
/// docs/METRICS.md says how each transition counts.
/// </summary>
public sealed class ItemTransitionTally
{
    private readonly List<TimeSpan> _waitsToAccept = [];

    /// <summary>Items enqueued here, or escalated in from another queue.</summary>
    public int Arrivals { get; private set; }

    public int Offers { get; private set; }

    public int Accepts { get; private set; }

    public int Rejects { get; private set; }

    /// <summary>Offers not accepted in time.</summary>
    public int Expiries { get; private set; }

    /// <summary>Offers routing took back before the specialist saw them.</summary>
    public int Withdrawals { get; private set; }

    public int Releases { get; private set; }

    public int Completions { get; private set; }

    /// <summary>Completions at or before the item's deadline.</summary>
    public int CompletedWithinSla { get; private set; }

    /// <summary>Items escalated from here to another queue.</summary>
    public int Escalations { get; private set; }

    public int Transfers { get; private set; }

    /// <summary>The handle times of the completions, added up.</summary>
    public TimeSpan HandleTime { get; private set; }

    /// <summary>Audits and golden items scored in the interval (counted when recorded, whenever the item was completed).</summary>
    public QualityTally Quality { get; private set; } = QualityTally.None;

    /// <summary>For each item's first accept here, how long it had waited in this queue.</summary>
    public IReadOnlyList<TimeSpan> WaitsToAccept => _waitsToAccept;

    /// <summary>Counts the transition that made <paramref name="item"/>: its latest event.</summary>
    public void Count(WorkItem item)
    {
        var change = item.History[^1];
        switch (change.Action)
        {
            case WorkItemAction.Enqueued or WorkItemAction.EscalatedIn: Arrivals++; break;
            case WorkItemAction.Offered: Offers++; break;
            case WorkItemAction.Accepted:
                Accepts++;
                if (FirstAcceptHere(item) is { } arrival)
                {
                    _waitsToAccept.Add(change.At - arrival);
                }

                break;
            case WorkItemAction.Rejected: Rejects++; break;
            case WorkItemAction.Expired: Expiries++; break;
            case WorkItemAction.Withdrawn: Withdrawals++; break;
            case WorkItemAction.Released: Releases++; break;
            case WorkItemAction.Completed:
                Completions++;
                HandleTime += item.Outcome?.HandleTime ?? TimeSpan.Zero;
                CompletedWithinSla += change.At <= item.Deadline ? 1 : 0;
                break;
            case WorkItemAction.Escalated: Escalations++; break;
            case WorkItemAction.Transferred: Transfers++; break;
        }
    }

    /// <summary>Counts an audit or a golden item scored.</summary>
    public void CountQuality(QualityTally found) => Quality = Quality.Plus(found);

    /// <summary>Adds another interval's counts to these (a 15-minute interval is its fifteen minutes).</summary>
    public void Add(ItemTransitionTally other)
    {
        Arrivals += other.Arrivals;
        Offers += other.Offers;
        Accepts += other.Accepts;
        Rejects += other.Rejects;
        Expiries += other.Expiries;
        Withdrawals += other.Withdrawals;
        Releases += other.Releases;
        Completions += other.Completions;
        CompletedWithinSla += other.CompletedWithinSla;
        Escalations += other.Escalations;
        Transfers += other.Transfers;
        HandleTime += other.HandleTime;
        Quality = Quality.Plus(other.Quality);
        _waitsToAccept.AddRange(other._waitsToAccept);
    }

    /// <summary>
    /// When the item arrived in this queue (its latest enqueue or escalation in), if its latest
    /// event is its first accept since then; null for a later accept (after a release or a
    /// transfer), whose wait was counted the first time. An escalated item keeps its first
    /// arrival (and deadline), but its wait here starts when it came here.
    /// </summary>
    private static DateTimeOffset? FirstAcceptHere(WorkItem item)
    {
        for (var i = item.History.Length - 2; i >= 0; i--)
        {
            switch (item.History[i].Action)
            {
                case WorkItemAction.Accepted: return null;
                case WorkItemAction.Enqueued or WorkItemAction.EscalatedIn: return item.History[i].At;
            }
        }

        return item.Arrival;
    }
}
