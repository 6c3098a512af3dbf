namespace SafetyPlatform.Domain.Work;

/// <summary>
/// The offers a specialist gathers while waiting on several queues at once. Each queue offers
/// at most the specialist's free slots, so two queues answering together can offer more than
/// that: offers are kept in the order they arrive until the free slots are filled, and the rest
/// go back to their queue untouched.
/// </summary>
public sealed class OfferGathering(int freeSlots)
{
    /// <summary>Offers kept so far.</summary>
    public int Kept { get; private set; }

    /// <summary>Slots still free for offers yet to arrive.</summary>
    public int SlotsLeft => Math.Max(0, freeSlots - Kept);

    /// <summary>Of <paramref name="offered"/> items arriving together, how many to keep (the first ones); the rest are given back.</summary>
    public int Keep(int offered)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offered);
        var keep = Math.Min(offered, SlotsLeft);
        Kept += keep;
        return keep;
    }
}
