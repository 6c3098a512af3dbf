namespace SafetyPlatform.Domain.Work;

/// <summary>
/// The offers a specialist has open, each until its reservation expires. An offer is a lease
/// kept by the queue in memory: the queue normally says when one lapses, but a queue that
/// restarted has forgotten its offers and says nothing. So an offer stops taking one of the
/// specialist's slots on its own once its expiry plus a grace period has passed.
/// </summary>
public sealed class OpenOffers(TimeSpan grace)
{
    private readonly Dictionary<(string Queue, string Item), DateTimeOffset> _expiries = [];

    /// <summary>Records an offer that lapses at <paramref name="expiry"/> unless accepted.</summary>
    public void Add(string queueId, string itemId, DateTimeOffset expiry) => _expiries[(queueId, itemId)] = expiry;

    /// <summary>Forgets an offer (accepted, rejected, expired, or refused by its queue).</summary>
    public bool Remove(string queueId, string itemId) => _expiries.Remove((queueId, itemId));

    /// <summary>Whether this offer is open (not yet accepted, rejected, expired or forgotten).</summary>
    public bool Contains(string queueId, string itemId) => _expiries.ContainsKey((queueId, itemId));

    /// <summary>The offers still open at <paramref name="now"/>, as (queue, item).</summary>
    public IReadOnlyList<(string Queue, string Item)> Open(DateTimeOffset now)
    {
        CountOpen(now);
        return [.. _expiries.Keys];
    }

    /// <summary>Offers still open at <paramref name="now"/>; lapsed ones are forgotten.</summary>
    public int CountOpen(DateTimeOffset now)
    {
        foreach (var lapsed in _expiries.Where(o => o.Value + grace <= now).Select(o => o.Key).ToList())
        {
            _expiries.Remove(lapsed);
        }

        return _expiries.Count;
    }
}
