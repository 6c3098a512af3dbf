using System.Collections.Immutable;
using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Grains.Work;

/// <summary>
/// The specialists waiting on a queue for offers (push mode), at most one wait each. When items
/// arrive, the backlog shares them out in offer rounds (longest idle first) and each waiter who
/// got any is woken with their offers.
/// </summary>
internal sealed class OfferWaiters(string queueId, TimeProvider time)
{
    private readonly List<Waiter> _waiting = [];

    public int Count => _waiting.Count;

    /// <summary>Waits up to <paramref name="maxWait"/> for offers; empty when none came.</summary>
    public async Task<ImmutableArray<WorkItemView>> Wait(WaitingSpecialist specialist, TimeSpan maxWait)
    {
        var waiter = new Waiter(specialist, new TaskCompletionSource<ImmutableArray<WorkItemView>>(TaskCreationOptions.RunContinuationsAsynchronously));
        _waiting.Add(waiter);
        await Waits.ForOrUpTo(waiter.Offered.Task, maxWait, time);
        if (!waiter.Offered.Task.IsCompleted)
        {
            _waiting.Remove(waiter);
            return [];
        }

        return await waiter.Offered.Task;
    }

    /// <summary>Ends a specialist's wait with nothing (their offer came from another queue, or they wait again).</summary>
    public void End(string specialistId) =>
        _waiting.RemoveAll(w => w.Specialist.Specialist.SpecialistId == specialistId && w.Offered.TrySetResult([]));

    /// <summary>Offers waiting items to the waiters in rounds and wakes those who got any.</summary>
    public void Dispatch(Backlog backlog)
    {
        if (_waiting.Count == 0 || backlog.Waiting == 0)
        {
            return;
        }

        var given = backlog.OfferRounds([.. _waiting.Select(w => w.Specialist)], time.GetUtcNow());
        var served = _waiting.Select((w, i) => (Waiter: w, Items: given[i])).Where(g => g.Items.Count > 0).ToList();
        foreach (var (waiter, items) in served)
        {
            _waiting.Remove(waiter);
            waiter.Offered.TrySetResult([.. items.Select(i => i.View(queueId))]);
        }
    }

    private sealed record Waiter(WaitingSpecialist Specialist, TaskCompletionSource<ImmutableArray<WorkItemView>> Offered);
}
