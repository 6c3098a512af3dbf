using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Grains.Roster;
using SafetyPlatform.Domain.Wellbeing;
using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Grains.Wellbeing;

/// <summary>
/// Keeps a specialist's exposure ledger for their desk (docs/WELLBEING.md, "The ledger"): an
/// entry per item from its accept to when it left their hands, with the times in the item's
/// history, and their wellness breaks and shift start from their activity state. Each change is
/// stored straight after (one store at a time, the last change always included), off the
/// caller's path: what a crash loses between a change and its store is rebuilt from the queues
/// when the desk activates (<see cref="Reconcile"/>), so no exposure is lost.
/// </summary>
internal sealed class ExposureKeeper(IPersistentState<ExposureState> state, TimeProvider time)
{
    private ExposureLedger? _ledger;
    private Task? _storing;
    private bool _changed;

    public ExposureLedger Ledger => _ledger ??= new ExposureLedger(state.State.Entries, state.State.Breaks);

    /// <summary>When the specialist last came on from OFFLINE; null before they ever have.</summary>
    public DateTimeOffset? ShiftStart => state.State.ShiftStart;

    /// <summary>The key of an item in the ledger: item ids are unique within their queue.</summary>
    public static string Key(string queueId, string itemId) => $"{queueId}/{itemId}";

    public void Accepted(WorkItemView item)
    {
        var category = item.Submission.HarmCategory;
        Ledger.Accepted(Key(item.QueueId, item.ItemId), category, HarmTaxonomy.SeverityOf(category), QueueRouting.DefaultExpectedHandleTime,
            ExposureTimes.Accepted(item.History) ?? time.GetUtcNow());
        Changed();
    }

    public void LeftHands(WorkItemView item)
    {
        Ledger.Finished(Key(item.QueueId, item.ItemId), ExposureTimes.LeftHands(item.History) ?? time.GetUtcNow());
        Changed();
    }

    /// <summary>
    /// Follows their activity state from one committed version to the next: a wellness break
    /// begins or ends, and coming on from OFFLINE starts a shift. The first version a desk sees
    /// (<paramref name="before"/> null) only brings the ledger in line with it.
    /// </summary>
    public void Follow(SpecialistView? before, SpecialistView after)
    {
        var (to, at) = (after.ActivityState, after.ActivityStateStart);
        var onBreak = Ledger.OnWellnessBreak;
        if (to == ActivityState.WellnessBreak && !onBreak)
        {
            Ledger.BreakStarted(at);
        }
        else if (to != ActivityState.WellnessBreak && onBreak)
        {
            Ledger.BreakEnded(at);
        }

        var cameOn = before is null ? state.State.ShiftStart is null && to != ActivityState.Offline : before.ActivityState == ActivityState.Offline && to != ActivityState.Offline;
        if (cameOn)
        {
            state.State.ShiftStart = at;
        }

        if (cameOn || onBreak != Ledger.OnWellnessBreak)
        {
            Changed();
        }
    }

    /// <summary>
    /// After activation: items the queues say the specialist holds are in hand in the ledger, and
    /// an item in hand in the ledger that they no longer hold ended when its history says
    /// (<paramref name="findItem"/>), or now when it cannot be found.
    /// </summary>
    public async Task Reconcile(IReadOnlyCollection<WorkItemView> held, Func<string, string, Task<WorkItemView?>> findItem)
    {
        foreach (var item in held)
        {
            Accepted(item);
        }

        var holding = held.Select(i => Key(i.QueueId, i.ItemId)).ToHashSet();
        foreach (var stale in Ledger.InHand.Where(e => !holding.Contains(e.ItemId)).ToList())
        {
            var slash = stale.ItemId.IndexOf('/', StringComparison.Ordinal);
            var item = await findItem(stale.ItemId[..slash], stale.ItemId[(slash + 1)..]);
            Ledger.Finished(stale.ItemId, item is not null && ExposureTimes.LeftHands(item.History) is { } left ? left : time.GetUtcNow());
            Changed();
        }
    }

    /// <summary>Stores the ledger if it changed since the last store; after any store already under way.</summary>
    public async Task Store()
    {
        while (_storing is { IsCompleted: false } running)
        {
            try
            {
                await running;
            }
            catch (Exception)
            {
                // Its caller hears of it; this store tries again.
            }
        }

        if (!_changed)
        {
            return;
        }

        _changed = false;
        _storing = StoreOnce();
        await _storing;
    }

    private async Task StoreOnce()
    {
        try
        {
            Ledger.Forget(time.GetUtcNow());
            state.State.Entries = [.. Ledger.Entries];
            state.State.Breaks = [.. Ledger.Breaks];
            await state.WriteStateAsync();
        }
        catch
        {
            _changed = true;
            throw;
        }
    }

    private void Changed()
    {
        _changed = true;
        Store().Ignore();
    }
}
