using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Domain.Tests;

/// <summary>
/// A team's month on a simulated floor for <see cref="WellbeingPropertyTests"/>: items of every
/// harm category arrive through the day; four specialists work shifts, take wellness breaks, and
/// are routed the first waiting items the wellbeing rules let them take; items take at most their
/// expected handle time, and some are handed back early. After every step the floor checks, from
/// its own record of who handled what and when (not from the ledger), that no limit was broken,
/// that the ledger equals that record, and that no item waits while a free specialist may take it.
/// A third of the items arrive in <see cref="PriorityQueue"/>, weighed by its override of the
/// policy when there is one (the policy's other rules are checked over every item, so an override
/// tried here must be at least as strict as the team's).
/// </summary>
internal sealed class WellbeingFloor(WellbeingPolicy policy, int seed)
{
    /// <summary>The 20 working days from 16 March 2026, across the clocks going forward in Dublin (29 March).</summary>
    private static readonly DateOnly FirstDay = new(2026, 3, 16);

    private static readonly TimeZoneInfo Dublin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Dublin");

    /// <summary>The queue a policy's override may be for; the rest of the items arrive in "main".</summary>
    public const string PriorityQueue = "priority";

    private static readonly HarmCategory[] Categories = [.. Enum.GetValues<HarmCategory>().Where(c => c != HarmCategory.Unspecified)];

    private readonly Random _random = new(seed);
    private readonly List<Item> _waiting = [];
    private readonly Person[] _people =
    [
        new("aoife", 1, PersonalLimits.None),
        new("cian", 2, PersonalLimits.None),
        new("greta", 1, new PersonalLimits([HarmCategory.AnimalCruelty], System.Collections.Immutable.ImmutableDictionary<HarmCategory, DateTimeOffset>.Empty)),
        new("joao", 1, new PersonalLimits([], System.Collections.Immutable.ImmutableDictionary<HarmCategory, DateTimeOffset>.Empty
            .Add(HarmCategory.ChildSafety, Local(FirstDay.AddDays(5), new TimeOnly(12, 0))))),
    ];

    private int _nextItem;

    /// <summary>Expected handle time by severity: the queue's AHT the rules count.</summary>
    private static TimeSpan Expected(HarmCategory category) => HarmTaxonomy.SeverityOf(category) switch
    {
        HarmSeverity.Critical => TimeSpan.FromMinutes(8),
        HarmSeverity.High => TimeSpan.FromMinutes(6),
        HarmSeverity.Medium => TimeSpan.FromMinutes(3),
        HarmSeverity.Low => TimeSpan.FromMinutes(1),
        _ => TimeSpan.FromMinutes(5),
    };

    private static DateTimeOffset Local(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, Dublin.GetUtcOffset(local));
    }

    public bool PlayMonth()
    {
        for (var d = 0; d < 20; d++)
        {
            var day = FirstDay.AddDays(d + d / 5 * 2);
            foreach (var person in _people)
            {
                person.ShiftStart = Local(day, new TimeOnly(7, 0)).AddMinutes(_random.Next(0, 180));
                person.ShiftEnd = person.ShiftStart + TimeSpan.FromHours(8);
            }

            _waiting.Clear();
            for (var now = Local(day, new TimeOnly(6, 45)); now < Local(day, new TimeOnly(19, 0)); now = now.AddMinutes(_random.Next(1, 9)))
            {
                Step(now);
            }
        }

        return true;
    }

    private void Step(DateTimeOffset now)
    {
        foreach (var person in _people)
        {
            person.FinishDue(now);
            person.HandBackSome(now, _random, _waiting);
            person.BreakIfDue(now, _random);
            person.Forget(now);
        }

        var arrivals = _random.Next(0, 4);
        for (var i = 0; i < arrivals; i++)
        {
            var category = Categories[_random.Next(Categories.Length)];
            var queue = _random.Next(3) == 0 ? PriorityQueue : "main";
            _waiting.Add(new Item($"item-{_nextItem++}", queue, category, HarmTaxonomy.SeverityOf(category), Expected(category), now));
        }

        _waiting.RemoveAll(item => now - item.Arrived > TimeSpan.FromHours(3));
        Route(now);
        foreach (var person in _people)
        {
            person.CheckLimits(policy, now);
            person.CheckQueueLimits(PriorityQueue, policy.ForQueue(PriorityQueue), now);
            person.CheckLedgerIsExact(now);
        }
    }

    /// <summary>
    /// Each waiting item, oldest first, to the free specialist the rules allow with the least
    /// weighted exposure today; again while anything was routed, since one item taken can free
    /// another (a lower-harm item ends a run of high-harm ones), as the specialist's next ask would.
    /// </summary>
    private void Route(DateTimeOffset now)
    {
        while (RouteOnce(now))
        {
        }

        foreach (var item in _waiting)
        {
            if (_people.FirstOrDefault(p => p.CanTakeWork(now) && Verdict(p, item, now).IsAllowed) is { } idle)
            {
                throw new InvalidOperationException($"{item.Id} ({item.Category}) waits at {now:u} although {idle.Id} may take it");
            }
        }
    }

    private bool RouteOnce(DateTimeOffset now)
    {
        var routed = false;
        foreach (var item in _waiting.ToList())
        {
            var allowed = _people.Where(p => p.CanTakeWork(now) && Verdict(p, item, now).IsAllowed).ToList();
            if (allowed.Count == 0)
            {
                continue;
            }

            var chosen = allowed.MinBy(p => p.Ledger.Within(Today(now), DateTimeOffset.MaxValue, now, _ => true).WeightedMinutes)!;
            // The accept is checked again, as the platform does; nothing happened in between, so it must agree.
            if (!Verdict(chosen, item, now).IsAllowed)
            {
                throw new InvalidOperationException($"{chosen.Id}: the accept check refused what the offer allowed ({item.Id})");
            }

            chosen.Accept(item, now, now + item.Expected * (0.3 + 0.7 * _random.NextDouble()));
            _waiting.Remove(item);
            routed = true;
        }

        return routed;
    }

    private WellbeingVerdict Verdict(Person person, Item item, DateTimeOffset now) =>
        WellbeingRules.Check(person.Standing(policy, now), item.Queue, new ItemExposure(item.Category, item.Severity, item.Expected));

    private static DateTimeOffset Today(DateTimeOffset now) => TeamTimeZone.Midnight(Dublin, TeamTimeZone.LocalDay(Dublin, now));

    private static DateTimeOffset CutOffOn(DateTimeOffset at, TimeOnly time) => Local(TeamTimeZone.LocalDay(Dublin, at), time);

    private sealed record Item(string Id, string Queue, HarmCategory Category, HarmSeverity Severity, TimeSpan Expected, DateTimeOffset Arrived);

    /// <summary>What the floor itself saw a specialist handle: the record the ledger is checked against.</summary>
    private sealed record Handled(Item Item, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset ShiftStart, DateTimeOffset ShiftEnd)
    {
        public DateTimeOffset? Finished { get; set; }

        public DateTimeOffset EndOr(DateTimeOffset now) => Finished ?? now;

        public TimeSpan Within(DateTimeOffset from, DateTimeOffset now)
        {
            var start = Start > from ? Start : from;
            var end = EndOr(now);
            return end > start ? end - start : TimeSpan.Zero;
        }
    }

    private sealed class Person(string id, int slots, PersonalLimits limits)
    {
        private readonly List<Handled> _handled = [];
        private readonly List<(DateTimeOffset Start, DateTimeOffset End)> _breaks = [];
        private DateTimeOffset? _onBreakUntil;
        private WellbeingStanding? _standing;

        public string Id => id;

        public PersonalLimits Limits => limits;

        public ExposureLedger Ledger { get; } = new();

        public DateTimeOffset ShiftStart { get; set; }

        public DateTimeOffset ShiftEnd { get; set; }

        private IEnumerable<Handled> InHand => _handled.Where(h => h.Finished is null);

        public bool CanTakeWork(DateTimeOffset now) => now >= ShiftStart && now < ShiftEnd && _onBreakUntil is null && InHand.Count() < slots;

        /// <summary>Their standing now, read once and reused for every item until their ledger changes.</summary>
        public WellbeingStanding Standing(WellbeingPolicy policy, DateTimeOffset now)
        {
            if (_standing is not { } known || known.Now != now)
            {
                _standing = WellbeingStanding.Of(policy, Ledger, limits, Dublin, ShiftStart, ShiftEnd, now);
                StandingRecount.Check(_standing, Ledger);
                StandingRecount.CheckQueue(_standing, _standing.For(PriorityQueue), Ledger);
            }

            return _standing;
        }

        public void Accept(Item item, DateTimeOffset now, DateTimeOffset end)
        {
            _standing = null;
            Ledger.Accepted(item.Id, item.Category, item.Severity, item.Expected, now);
            _handled.Add(new Handled(item, now, end, ShiftStart, ShiftEnd));
        }

        /// <summary>
        /// The ledger keeps 8 days; so does the floor's own record (what is older was checked when
        /// it happened), dropping items by their start so that no gap opens in a run of items.
        /// </summary>
        public void Forget(DateTimeOffset now)
        {
            Ledger.Forget(now);
            _handled.RemoveAll(h => h.Finished is not null && h.Start < now - ExposureLedger.Kept);
            // Breaks go only once no item kept is older: a run of items is counted from the break before it.
            _breaks.RemoveAll(b => b.End != DateTimeOffset.MaxValue && (_handled.Count == 0 || b.End < _handled[0].Start));
        }

        public void FinishDue(DateTimeOffset now)
        {
            _standing = null;
            foreach (var done in InHand.Where(h => h.End <= now).ToList())
            {
                done.Finished = done.End;
                Ledger.Finished(done.Item.Id, done.End);
            }
        }

        /// <summary>Now and then an item goes back to the queue unfinished (released or escalated): exposure ends either way.</summary>
        public void HandBackSome(DateTimeOffset now, Random random, List<Item> waiting)
        {
            foreach (var back in InHand.Where(_ => random.NextDouble() < 0.03).ToList())
            {
                back.Finished = now;
                Ledger.Finished(back.Item.Id, now);
                waiting.Add(back.Item with { Id = back.Item.Id + "-again" });
            }
        }

        /// <summary>Ends a break that is over; with empty hands, now and then takes a wellness break of 2 to 15 minutes.</summary>
        public void BreakIfDue(DateTimeOffset now, Random random)
        {
            if (_onBreakUntil is { } until && now >= until)
            {
                Ledger.BreakEnded(until);
                _breaks[^1] = (_breaks[^1].Start, until);
                _onBreakUntil = null;
            }

            if (_onBreakUntil is null && !InHand.Any() && now >= ShiftStart && now < ShiftEnd && random.NextDouble() < 0.04)
            {
                _onBreakUntil = now + TimeSpan.FromMinutes(random.Next(2, 16));
                Ledger.BreakStarted(now);
                _breaks.Add((now, DateTimeOffset.MaxValue));
            }
        }

        public void CheckLedgerIsExact(DateTimeOffset now)
        {
            var today = Today(now);
            var inLedger = Ledger.ByCategory(today, DateTimeOffset.MaxValue, now);
            foreach (var recount in _handled.Where(h => h.EndOr(now) > today || h.Start >= today).GroupBy(h => h.Item.Category))
            {
                var amount = inLedger.GetValueOrDefault(recount.Key, ExposureAmount.None);
                Equal(recount.Aggregate(TimeSpan.Zero, (sum, h) => sum + h.Within(today, now)), amount.Time, $"{recount.Key} time today");
                Equal(recount.Count(h => h.Start >= today), amount.Items, $"{recount.Key} items today");
            }

            Assert.All(inLedger.Keys, category => Assert.Contains(_handled, h => h.Item.Category == category));
            var week = now - TimeSpan.FromDays(7);
            Equal(_handled.Aggregate(TimeSpan.Zero, (sum, h) => sum + h.Within(week, now)), Ledger.Within(week, DateTimeOffset.MaxValue, now, _ => true).Time, "time in 7 days");
        }

        public void CheckLimits(WellbeingPolicy policy, DateTimeOffset now)
        {

            var today = Today(now);
            var highHarm = _handled.Where(h => HarmTaxonomy.IsHighHarm(h.Item.Severity)).ToList();
            foreach (var (category, budget) in policy.Budgets)
            {
                var ofCategory = _handled.Where(h => h.Item.Category == category).ToList();
                AtMost(ofCategory.Aggregate(TimeSpan.Zero, (sum, h) => sum + h.Within(today, now)), budget.TimePerDay, $"{category} time today");
                AtMost(ofCategory.Count(h => h.Start >= today), budget.ItemsPerDay, $"{category} items today");
                AtMost(ofCategory.Aggregate(TimeSpan.Zero, (sum, h) => sum + h.Within(ShiftStart, now)), budget.TimePerShift, $"{category} time this shift");
                AtMost(ofCategory.Count(h => h.Start >= ShiftStart), budget.ItemsPerShift, $"{category} items this shift");
            }

            AtMost(highHarm.Aggregate(TimeSpan.Zero, (sum, h) => sum + h.Within(today, now)), policy.RotationAfter, "high-harm time today");
            var lastBreak = _breaks.Where(b => b.End <= now && b.End - b.Start >= policy.WellnessBreak).Select(b => b.End).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
            var continuousSince = lastBreak > ShiftStart ? lastBreak : ShiftStart;
            AtMost(highHarm.Aggregate(TimeSpan.Zero, (sum, h) => sum + h.Within(continuousSince, now)), policy.WellnessBreakAfter, "high-harm time since a wellness break");

            foreach (var item in highHarm)
            {
                Assert.True(policy.HighHarmCutOff is not { } cutOff || item.EndOr(now) <= CutOffOn(item.Start, cutOff), $"{id}: {item.Item.Id} runs past the cut-off");
                Assert.True(item.EndOr(now) <= item.ShiftEnd, $"{id}: {item.Item.Id} runs past the end of the shift");
            }

            var critical = _handled.Where(h => h.Item.Severity == HarmSeverity.Critical).ToList();
            for (var i = 1; i < critical.Count; i++)
            {
                Assert.True(critical[i - 1].Finished is { } end && critical[i].Start >= end + policy.CoolDown, $"{id}: {critical[i].Item.Id} inside the cool-down after {critical[i - 1].Item.Id}");
            }

            var run = 0;
            var counted = _breaks.Where(b => b.End - b.Start >= policy.WellnessBreak).Select(b => b.End).ToList();
            var nextBreak = 0;
            foreach (var item in _handled)
            {
                var brokeOff = false;
                for (; nextBreak < counted.Count && counted[nextBreak] <= item.Start; nextBreak++)
                {
                    brokeOff = true;
                }

                run = HarmTaxonomy.IsHighHarm(item.Item.Severity) ? (brokeOff ? 1 : run + 1) : 0;
                Assert.True(run <= policy.MaxConsecutiveHighHarm, $"{id}: {run} high-harm items in a row");
            }

            var batch = 0;
            var latestEnd = DateTimeOffset.MinValue;
            foreach (var item in _handled.Where(h => HarmTaxonomy.IsHarmful(h.Item.Severity)))
            {
                batch = item.Start - latestEnd < policy.MicroBreak ? batch + 1 : 1;
                Assert.True(batch <= policy.MicroBreakAfter, $"{id}: {batch} harmful items without a micro-break");
                latestEnd = item.EndOr(now) > latestEnd ? item.EndOr(now) : latestEnd;
            }

            Assert.DoesNotContain(_handled, h => limits.OptOuts.Contains(h.Item.Category));
            Assert.DoesNotContain(_handled, h => limits.Restricts(h.Item.Category, h.Start));
        }

        /// <summary>
        /// The rules of <paramref name="queue"/> held for each of its items when it was taken,
        /// recounted from the floor's record: no critical item inside the queue's cool-down after
        /// the critical item before it; none of its high-harm items past its cut-off; no run of high-harm
        /// items longer than it allows up to one of its items; and each of today's items fitting its
        /// day budgets, counting everything taken before it (since no item runs past its expected
        /// time, what the rules counted is at least what was handled; earlier days were checked on their day).
        /// </summary>
        public void CheckQueueLimits(string queue, WellbeingPolicy rules, DateTimeOffset now)
        {
            var counted = _breaks.Where(b => b.End - b.Start >= rules.WellnessBreak).Select(b => b.End).ToList();
            var today = Today(now);
            var todayByCategory = new Dictionary<HarmCategory, TimeSpan>();
            var run = 0;
            var nextBreak = 0;
            DateTimeOffset? lastCriticalEnd = null;
            foreach (var item in _handled)
            {
                var brokeOff = false;
                for (; nextBreak < counted.Count && counted[nextBreak] <= item.Start; nextBreak++)
                {
                    brokeOff = true;
                }

                run = HarmTaxonomy.IsHighHarm(item.Item.Severity) ? (brokeOff ? 1 : run + 1) : 0;
                var category = item.Item.Category;
                todayByCategory[category] = todayByCategory.GetValueOrDefault(category) + item.Within(today, now);
                if (item.Item.Queue == queue)
                {
                    Assert.True(run <= rules.MaxConsecutiveHighHarm, $"{id}: {run} high-harm items in a row up to {item.Item.Id} of queues/{queue}");
                    Assert.True(!HarmTaxonomy.IsHighHarm(item.Item.Severity) || rules.HighHarmCutOff is not { } cutOff || item.EndOr(now) <= CutOffOn(item.Start, cutOff),
                        $"{id}: {item.Item.Id} of queues/{queue} runs past its cut-off");
                    Assert.True(item.Item.Severity != HarmSeverity.Critical || lastCriticalEnd is not { } end || (end != DateTimeOffset.MaxValue && item.Start >= end + rules.CoolDown),
                        $"{id}: {item.Item.Id} of queues/{queue} inside its cool-down");
                    if (item.Start >= today)
                    {
                        AtMost(todayByCategory[category], rules.BudgetOf(category).TimePerDay, $"{category} time today up to {item.Item.Id} of queues/{queue}");
                    }
                }

                if (item.Item.Severity == HarmSeverity.Critical)
                {
                    lastCriticalEnd = item.Finished ?? DateTimeOffset.MaxValue;
                }
            }
        }

        private void Equal<T>(T expected, T actual, string what) => Assert.True(Equals(expected, actual), $"{id}: {what}: recounted {expected}, ledger {actual}");

        private void AtMost(TimeSpan used, TimeSpan? limit, string what) => Assert.True(limit is not { } max || used <= max, $"{id}: {what} {used} over {limit}");

        private void AtMost(int used, int? limit, string what) => Assert.True(limit is not { } max || used <= max, $"{id}: {what} {used} over {limit}");
    }
}
