namespace SafetyPlatform.Domain.Work;

/// <summary>
/// What takes a specialist's slots at their desk: items they hold, offers still open, and
/// requests for work in flight (counted before the queues answer, so overlapping requests never
/// exceed the specialist's concurrency). And when they stop HANDLING: nothing held and no accept
/// in flight (an accept under way will make them HANDLING again, so they do not flap).
/// </summary>
public sealed class DeskSlots(TimeSpan offerGrace)
{
    private readonly HashSet<(string Queue, string Item)> _held = [];
    private readonly OpenOffers _offers = new(offerGrace);
    private int _asking;
    private int _accepting;

    /// <summary>Slots taken at <paramref name="now"/>: held items, open offers, requests in flight.</summary>
    public int Taken(DateTimeOffset now) => _held.Count + _offers.CountOpen(now) + _asking;

    /// <summary>Whether the specialist holds nothing and no accept is in flight.</summary>
    public bool NothingInHand => _held.Count == 0 && _accepting == 0;

    /// <summary>The items held, as (queue, item).</summary>
    public IReadOnlyCollection<(string Queue, string Item)> Held => _held;

    /// <summary>The offers open at <paramref name="now"/>, as (queue, item).</summary>
    public IReadOnlyList<(string Queue, string Item)> OpenOffers(DateTimeOffset now) => _offers.Open(now);

    public void Hold(string queueId, string itemId) => _held.Add((queueId, itemId));

    /// <summary>An item left their hands (or was never taken up); whether it was held.</summary>
    public bool LetGo(string queueId, string itemId) => _held.Remove((queueId, itemId));

    /// <summary>An offer that takes a slot until <paramref name="expiry"/> (and a grace period) unless accepted or refused first.</summary>
    public void Offered(string queueId, string itemId, DateTimeOffset expiry) => _offers.Add(queueId, itemId, expiry);

    /// <summary>An offer accepted, rejected, expired or refused by its queue; whether it was open.</summary>
    public bool OfferGone(string queueId, string itemId) => _offers.Remove(queueId, itemId);

    /// <summary>Requests for <paramref name="slots"/> items go out (each takes a slot until <see cref="DoneAsking"/>).</summary>
    public void Asking(int slots) => _asking += slots;

    public void DoneAsking(int slots) => _asking -= slots;

    public void Accepting() => _accepting++;

    public void DoneAccepting() => _accepting--;
}
