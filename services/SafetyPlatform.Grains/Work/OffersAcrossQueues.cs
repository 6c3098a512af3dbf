using System.Collections.Immutable;
using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Grains.Work;

/// <summary>
/// One specialist waiting on every queue they serve at once for offers. The first queue to
/// offer answers the caller: the other queues are told to stop waiting, and offers beyond the
/// specialist's free slots (two queues answering together) go back to their queue untouched,
/// as <see cref="OfferGathering"/> decides.
/// </summary>
internal static class OffersAcrossQueues
{
    public static async Task<ImmutableArray<(string QueueId, WorkItemView Offer)>> Gather(
        IGrainFactory grains, string specialistId, int freeSlots, List<(string QueueId, Task<ImmutableArray<WorkItemView>> Wait)> waits)
    {
        var kept = ImmutableArray.CreateBuilder<(string, WorkItemView)>();
        var gathering = new OfferGathering(freeSlots);
        while (waits.Count > 0)
        {
            var done = await Task.WhenAny(waits.Select(w => w.Wait));
            var (queueId, _) = waits.First(w => w.Wait == done);
            waits.RemoveAll(w => w.Wait == done);
            var offers = await done;
            var keep = gathering.Keep(offers.Length);
            kept.AddRange(offers.Take(keep).Select(o => (queueId, o)));
            foreach (var offer in offers.Skip(keep))
            {
                await grains.Reference<IQueueGrain>(queueId).Withdraw(offer.ItemId, specialistId);
            }

            if (keep > 0 && kept.Count == keep)
            {
                foreach (var (other, _) in waits)
                {
                    grains.Reference<IQueueGrain>(other).CancelWait(specialistId).Ignore();
                }
            }
        }

        return kept.ToImmutable();
    }
}
