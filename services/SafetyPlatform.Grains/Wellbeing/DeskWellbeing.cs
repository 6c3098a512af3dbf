using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;
using SafetyPlatform.Domain.Work;
using SafetyPlatform.Grains.Abstractions.Monitoring;
using SafetyPlatform.Grains.Abstractions.Wellbeing;
using SafetyPlatform.Grains.Roster;
using SafetyPlatform.Grains.Work;

namespace SafetyPlatform.Grains.Wellbeing;

/// <summary>
/// A desk's side of wellbeing (docs/WELLBEING.md, docs/adr/0020): keeps the specialist's exposure
/// ledger, says where they stand against their team's policy for routing, and checks an accept
/// against it again.
/// <para>
/// The ledger is stored a row per change (<see cref="IExposureStore"/>, which writes rows that
/// come together in one transaction), straight after the change, off the caller's path; the desk
/// waits for an item's accept to be durable before the item may leave their hands. What a crash
/// loses is rebuilt when the desk activates (<see cref="Reconcile"/>): an item still held from
/// the queues, the end of one no longer held from its history (its accept was durable), breaks
/// and the shift from the roster.
/// </para>
/// </summary>
internal sealed class DeskWellbeing
{
    /// <summary>How often entries older than the ledger keeps are deleted.</summary>
    private static readonly TimeSpan ForgetEvery = TimeSpan.FromHours(1);

    private readonly string _specialistId;
    private readonly IExposureStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TeamWellbeingCache _team;
    private readonly Dictionary<(string Queue, string Item), HarmCategory> _offered = [];
    private readonly Dictionary<string, (TimeSpan Expected, bool HighHarm)> _queues = new(StringComparer.Ordinal);
    private ExposureLedger _ledger = new();
    private (PersonalWellbeing Wellbeing, DateTimeOffset ReadAt)? _personal;
    private DateTimeOffset? _shiftStart;
    private ActivityState? _lastState;
    private DateTimeOffset _loadedAt;
    private DateTimeOffset _forgotAt;
    private readonly WellbeingWatch _watch = new();

    public DeskWellbeing(string specialistId, IExposureStore store, TimeProvider time, ILogger logger)
    {
        _specialistId = specialistId;
        _store = store;
        _time = time;
        _logger = logger;
        _team = new TeamWellbeingCache(time);
    }

    private Task _lastWrite = Task.CompletedTask;

    /// <summary>Set once a write failed: memory holds what storage may not, so the desk must be activated again, reloading from storage.</summary>
    public bool Failed { get; private set; }

    /// <summary>The key of an item in the ledger: its resource name (item ids are unique within their queue).</summary>
    public static string Key(string queueId, string itemId) => new WorkItemName(queueId, itemId).ToString();

    /// <summary>Reads the stored ledger.</summary>
    public async Task Load()
    {
        var stored = await _store.Load(_specialistId);
        _ledger = new ExposureLedger(stored.Entries, stored.Breaks);
        _shiftStart = stored.ShiftStart;
        _lastState = stored.LastState;
        _loadedAt = _time.GetUtcNow();
        _forgotAt = _loadedAt;
        _ledger.Forget(_forgotAt);
        _store.DeleteEndedBefore(_specialistId, _forgotAt - ExposureLedger.Kept).Ignore();
    }

    /// <summary>
    /// After <see cref="Load"/>: items the queues say the specialist holds are in hand in the
    /// ledger, and an item in hand in the ledger they no longer hold ended when its history says
    /// (<paramref name="findItem"/>), or now when it cannot be found.
    /// </summary>
    public async Task Reconcile(IReadOnlyCollection<WorkItemView> held, Func<string, string, Task<WorkItemView?>> findItem)
    {
        foreach (var item in held)
        {
            _ = Write(_ledger.Accepted(Key(item.QueueId, item.ItemId), item.Submission.HarmCategory, HarmTaxonomy.SeverityOf(item.Submission.HarmCategory),
                ExpectedHandleTime(item.QueueId), ExposureTimes.Accepted(item.History) ?? _time.GetUtcNow()));
        }

        var holding = held.Select(i => Key(i.QueueId, i.ItemId)).ToHashSet();
        foreach (var stale in _ledger.InHand.Where(e => !holding.Contains(e.ItemId)).ToList())
        {
            var item = WorkItemName.TryParse(stale.ItemId, out var name) ? await findItem(name.QueueId, name.ItemId) : null;
            _ = Write(_ledger.Finished(stale.ItemId, item is not null && ExposureTimes.LeftHands(item.History, stale.Started) is { } left ? left : _time.GetUtcNow()));
        }

        await _lastWrite;
    }

    /// <summary>Where the specialist stands now against their team's policy.</summary>
    public async Task<WellbeingStanding> Standing(SpecialistView me, IGrainFactory grains)
    {
        var (policy, zone) = await _team.Get(me.TeamId, grains);
        var personal = (await Personal(grains)).Limits();
        var now = _time.GetUtcNow();
        return WellbeingStanding.Of(policy, _ledger, personal, zone, _shiftStart ?? _loadedAt, null, now);
    }

    /// <summary>The specialist's opt-outs, restrictions and display choices: told on every change, and read again once the copy is <see cref="TeamWellbeingCache.TrustFor"/> old in case a notice was lost.</summary>
    private async Task<PersonalWellbeing> Personal(IGrainFactory grains)
    {
        var now = _time.GetUtcNow();
        if (_personal is not { } known || now - known.ReadAt >= TeamWellbeingCache.TrustFor)
        {
            known = ((await grains.Reference<ISpecialistWellbeingGrain>(_specialistId).Get()).Wellbeing(), now);
            _personal = known;
        }

        return known.Wellbeing;
    }

    /// <summary>Told by the specialist's wellbeing grain after each change.</summary>
    public void PersonalWellbeingChanged(PersonalWellbeingView view) => _personal = (view.Wellbeing(), _time.GetUtcNow());

    /// <summary>Offers as the specialist is to see them: each with the display chosen for its harm category (theirs, else their team's, else the platform's).</summary>
    public async Task<ImmutableArray<WorkItemView>> AsShownTo(SpecialistView me, IReadOnlyCollection<WorkItemView> offers, IGrainFactory grains)
    {
        if (offers.Count == 0)
        {
            return [];
        }

        var (policy, _) = await _team.Get(me.TeamId, grains);
        var personal = await Personal(grains);
        return [.. offers.Select(o => o with { Display = DisplayPreference.For(o.Submission.HarmCategory, personal.Display, policy.Displays) })];
    }

    /// <summary>Whether the team's policy returns items in hand to their queues on a wellness break.</summary>
    public async Task<bool> ReturnsItemsOnWellnessBreak(SpecialistView me, IGrainFactory grains) =>
        (await _team.Get(me.TeamId, grains)).Policy.ReturnItemsOnWellnessBreak;

    /// <summary>The specialist's exposure as at now, on their team's clock.</summary>
    public async Task<ExposureView> View(SpecialistView me, IGrainFactory grains)
    {
        var (_, zone) = await _team.Get(me.TeamId, grains);
        return ExposureView.Of(_specialistId, _ledger, _shiftStart, zone, _time.GetUtcNow());
    }

    /// <summary>The queues the specialist's team serves, as the directory has them now: how long each queue's items are expected to take.</summary>
    public void Know(IEnumerable<QueueRoute> routes)
    {
        foreach (var route in routes)
        {
            _queues[route.QueueId] = (route.Routing().ExpectedHandleTimeOrDefault, HarmTaxonomy.IsHighHarm(HarmTaxonomy.SeverityOf(route.HarmCategory)));
        }
    }

    private TimeSpan ExpectedHandleTime(string queueId) => _queues.TryGetValue(queueId, out var queue) ? queue.Expected : QueueRouting.DefaultExpectedHandleTime;

    /// <summary>The shortest expected handle time of the high-harm queues served: what a wellness break being due is judged by.</summary>
    private TimeSpan ShortestHighHarmHandleTime =>
        _queues.Values.Where(q => q.HighHarm).Select(q => q.Expected).DefaultIfEmpty(QueueRouting.DefaultExpectedHandleTime).Min();

    public void Offered(string queueId, WorkItemView offer) => _offered[(queueId, offer.ItemId)] = offer.Submission.HarmCategory;

    public void OfferGone(string queueId, string itemId) => _offered.Remove((queueId, itemId));

    /// <summary>
    /// The accept is checked against the wellbeing limits again: another item accepted since the
    /// offer may have used what this one needed. FAILED_PRECONDITION naming the rule; the offer stays open until it lapses.
    /// </summary>
    /// <remarks>
    /// An accept that passes is held in the ledger at once, in hand from now, until the queue has
    /// made it (<see cref="Accepted"/> puts it there with the item's own times) or refused it
    /// (<see cref="AcceptFailed"/>): so two accepts made together are checked one after the
    /// other, each counting the other, without waiting for each other's queue.
    /// </remarks>
    public async Task EnsureAllowsAccept(SpecialistView me, string queueId, string itemId, IGrainFactory grains)
    {
        if (!_offered.TryGetValue((queueId, itemId), out var category))
        {
            return;
        }

        var standing = await Standing(me, grains);
        var expected = ExpectedHandleTime(queueId);
        var verdict = WellbeingRules.Check(standing, queueId, ItemExposure.Of(category, expected));
        if (!verdict.IsAllowed)
        {
            throw SafetyException.FailedPrecondition(
                $"specialists/{_specialistId} is held back from queues/{queueId}/workItems/{itemId} by the wellbeing rule {verdict.Rule}: {verdict.Reason}");
        }

        _ledger.Accepted(Key(queueId, itemId), category, HarmTaxonomy.SeverityOf(category), expected, standing.Now);
    }

    /// <summary>The queue refused the accept: what <see cref="EnsureAllowsAccept"/> held in the ledger for it is taken back.</summary>
    public void AcceptFailed(string queueId, string itemId) => _ledger.Withdraw(Key(queueId, itemId));

    /// <summary>The specialist accepted <paramref name="item"/>, when its history says; written off the caller's path (<see cref="Flushed"/> awaits it).</summary>
    public void Accepted(WorkItemView item)
    {
        _offered.Remove((item.QueueId, item.ItemId));
        _ledger.Withdraw(Key(item.QueueId, item.ItemId));
        var category = item.Submission.HarmCategory;
        WriteLater(_ledger.Accepted(Key(item.QueueId, item.ItemId), category, HarmTaxonomy.SeverityOf(category), ExpectedHandleTime(item.QueueId),
            ExposureTimes.Accepted(item.History) ?? _time.GetUtcNow()));
    }

    /// <summary><paramref name="item"/> left the specialist's hands, when its history says; written off the caller's path.</summary>
    public void LeftHands(WorkItemView item)
    {
        WriteLater(_ledger.Finished(Key(item.QueueId, item.ItemId), ExposureTimes.LeftHands(item.History) ?? _time.GetUtcNow()));
        ForgetOld();
    }

    /// <summary>
    /// Follows their activity state from one committed version to the next: a wellness break
    /// begins or ends, and coming on from OFFLINE starts a shift. The first version a desk sees
    /// (<paramref name="before"/> null) brings the ledger in line with it.
    /// </summary>
    /// <returns>Whether a wellness break began, so the items in hand may go back to their queues.</returns>
    public bool Follow(SpecialistView? before, SpecialistView after)
    {
        var (to, at) = (after.ActivityState, after.ActivityStateStart);
        // The state before: the version seen before, or when the desk comes up, the last one it stored.
        var from = before?.ActivityState ?? _lastState;
        var breakStarted = false;
        if (to == ActivityState.WellnessBreak)
        {
            var started = _ledger.BreakStarted(at);
            WriteLater(started);
            breakStarted = started is not null && from is not null;
        }
        else
        {
            WriteLater(_ledger.BreakEnded(at));
        }

        var cameOn = to != ActivityState.Offline && (from is null ? _shiftStart is null : from == ActivityState.Offline);
        if (cameOn)
        {
            _shiftStart = at;
        }

        if (cameOn || _lastState != to)
        {
            _lastState = to;
            WriteLater(ExposureRecord.Shift(_shiftStart, to));
        }

        return breakStarted;
    }

    /// <summary>The specialist's wellbeing as their lead sees it now (docs/WELLBEING.md, "The lead's view").</summary>
    public async Task<MemberWellbeingView> Summary(SpecialistView me, IGrainFactory grains)
    {
        var standing = await Standing(me, grains);
        var now = standing.Now;
        var dayStart = Domain.Monitoring.TeamTimeZone.Midnight(standing.Zone, Domain.Monitoring.TeamTimeZone.LocalDay(standing.Zone, now));
        var breaks = WellnessBreakTally.Since(_ledger.Breaks, dayStart, standing.Policy.WellnessBreak);
        var onBreak = _ledger.OnWellnessBreak;
        var dueSince = _watch.DueSince(standing, ShortestHighHarmHandleTime, onBreak);
        return new MemberWellbeingView(
            _specialistId,
            now,
            Total(standing.Today.Values),
            Total(standing.ThisShift.Values),
            [.. WellbeingAlertRules.Uses(standing).OrderByDescending(u => u.Share)],
            standing.CoolingUntil is { } until && until > now ? until : null,
            onBreak,
            dueSince,
            dueSince is { } due && now - due >= standing.Policy.WellnessBreak,
            breaks.Taken,
            breaks.CutShort,
            _ledger.InHandCount);
    }

    private static ExposureAmount Total(IEnumerable<ExposureAmount> amounts) => amounts.Aggregate(ExposureAmount.None,
        (sum, a) => new ExposureAmount(sum.Items + a.Items, sum.Time + a.Time, sum.WeightedMinutes + a.WeightedMinutes));


    /// <summary>How often the desk tells the team's alert feed what holds for the specialist.</summary>
    public static readonly TimeSpan AlertCheck = TimeSpan.FromSeconds(5);

    /// <summary>What calls for the lead's attention about the specialist (<see cref="WellbeingWatch"/>), reported to their team's alert feed, which raises, follows and clears the alerts.</summary>
    public async Task ReportAlerts(SpecialistView me, IGrainFactory grains)
    {
        var subject = new SpecialistName(_specialistId).ToString();
        if (_watch.Check(subject, await Standing(me, grains), ShortestHighHarmHandleTime, _ledger.OnWellnessBreak,
            _ledger.InHand.Count(e => HarmTaxonomy.IsHighHarm(e.Severity))) is { } holding)
        {
            await grains.GetGrain<IAlertFeedGrain>(me.TeamId).Report(subject, [.. holding]);
        }
    }

    /// <summary>Completes when every change so far is durable (the store keeps one partition's writes in order).</summary>
    public Task Flushed() => Failed ? Task.FromException(new InvalidOperationException($"an exposure write of specialists/{_specialistId} failed; the desk reloads")) : _lastWrite;

    private Task Write(ExposureEntry? changed) => changed is null ? Task.CompletedTask : Write(ExposureRecord.Of(changed));

    private Task Write(ExposureRecord record)
    {
        var write = Watched(_store.Save(_specialistId, [record]));
        _lastWrite = write;
        return write;
    }

    private async Task Watched(Task write)
    {
        try
        {
            await write;
        }
        catch
        {
            Failed = true;
            throw;
        }
    }

    private void WriteLater(ExposureEntry? changed) => WriteLater(changed is null ? null : ExposureRecord.Of(changed));

    private void WriteLater(WellnessBreak? changed) => WriteLater(changed is null ? null : ExposureRecord.Of(changed));

    private void WriteLater(ExposureRecord? record)
    {
        if (record is not null)
        {
            Write(record).ContinueWith(
                t => _logger.LogWarning(t.Exception, "Exposure of specialists/{Specialist} not stored; the desk reloads it", _specialistId),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Current).Ignore();
        }
    }

    private void ForgetOld()
    {
        var now = _time.GetUtcNow();
        if (now - _forgotAt >= ForgetEvery)
        {
            _forgotAt = now;
            _ledger.Forget(now);
            _store.DeleteEndedBefore(_specialistId, now - ExposureLedger.Kept).Ignore();
        }
    }
}
