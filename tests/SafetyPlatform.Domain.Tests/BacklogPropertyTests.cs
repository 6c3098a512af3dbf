using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Domain.Tests;

/// <summary>
/// Long random mornings on one backlog: items arrive in English, German or no language, with or
/// without a deadline; four specialists of two teams (both serve the queue) are offered items,
/// accept, reject, let offers lapse, give items back, finish them, send them up and hand them on;
/// some requests are wrong on purpose and must change nothing. After every step the backlog
/// must still be what the floor relies on: one holder per held item, every item in one place,
/// nothing lost or doubled, and the best item for each specialist the first in routing order
/// that they may take.
/// </summary>
public class BacklogPropertyTests
{
    private const string QueueId = "hate-en";
    private const string StrangerId = "w-stranger";

    private static readonly TimeSpan OfferTimeout = TimeSpan.FromSeconds(30);

    private static readonly DateTimeOffset Morning = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Hate speech in English and German, asking proficient, served by Dublin and Lisbon.</summary>
    private static readonly QueueRouting Routing =
        new(QueueId, new QueueRequirements(HarmCategory.HateSpeech, ["en", "de"], Proficiency.Proficient), ["dublin", "lisbon"]);

    /// <summary>
    /// Aoife reads both; Cian English only; Greta German only; João English, and German only as a
    /// trainee (below the queue's minimum, so no German items for him).
    /// </summary>
    private static readonly RoutingCandidate[] Specialists =
    [
        WorkFixtures.SpecialistIn("aoife", "dublin", Proficiency.Expert, ("en", Proficiency.Expert), ("de", Proficiency.Proficient)),
        WorkFixtures.SpecialistIn("cian", "dublin", Proficiency.Proficient, ("en", Proficiency.Proficient)),
        WorkFixtures.SpecialistIn("greta", "lisbon", Proficiency.Proficient, ("de", Proficiency.Expert)),
        WorkFixtures.SpecialistIn("joao", "lisbon", Proficiency.Proficient, ("en", Proficiency.Proficient), ("de", Proficiency.Trainee)),
    ];

    private static readonly string[] ItemLanguages = ["en", "de", string.Empty];

    /// <summary>How often each operation comes up: arrivals and offers often, escalations rarely.</summary>
    private static readonly Op[] OpMix =
    [
        Op.Enqueue, Op.Enqueue, Op.Enqueue, Op.Enqueue, Op.Enqueue,
        Op.Offer, Op.Offer, Op.Offer, Op.Offer,
        Op.Accept, Op.Accept, Op.Accept, Op.Accept,
        Op.Reject, Op.Reject,
        Op.Expire,
        Op.Release,
        Op.Complete, Op.Complete, Op.Complete,
        Op.Escalate,
        Op.Transfer, Op.Transfer,
        Op.Withdraw,
        Op.Rounds,
        Op.Stranger,
    ];

    private static readonly Arbitrary<Step[]> Mornings = Arb.From(
        from length in Gen.Choose(100, 400)
        from steps in Gen.ArrayOf(
            from op in Gen.Elements(OpMix)
            from a in Gen.Choose(0, 9999)
            from b in Gen.Choose(0, 9999)
            select new Step(op, a, b),
            length)
        select steps);

    private static readonly Arbitrary<RoundSetup> RoundSetups = Arb.From(
        from count in Gen.Choose(0, 30)
        from items in Gen.ArrayOf(
            from priority in Gen.Choose(1, 4)
            from language in Gen.Choose(0, ItemLanguages.Length - 1)
            from minute in Gen.Choose(0, 59)
            from rejects in Gen.Choose(0, 3)
            from rejectedBy in Gen.Choose(0, 15)
            select new RoundItem((Priority)priority, ItemLanguages[language], minute, rejects == 0 ? rejectedBy : 0),
            count)
        from waiters in Gen.ArrayOf(
            from present in Gen.Choose(0, 3)
            from slots in Gen.Choose(1, 3)
            from idleMinutes in Gen.Choose(0, 120)
            select new RoundWaiter(present > 0, slots, idleMinutes),
            Specialists.Length)
        select new RoundSetup(items, waiters));

    /// <summary>Ids that sort differently by ordinal and by culture, and a hyphen that some comparisons ignore.</summary>
    private static readonly string[] EntryIds = ["w1", "w10", "w2", "w-1", "x1", "W1"];

    private static readonly Arbitrary<BacklogEntry[]> Entries = Arb.From(
        from count in Gen.Choose(0, 20)
        from entries in Gen.ArrayOf(
            from priority in Gen.Choose(1, 4)
            from due in Gen.Choose(0, 5)
            from arrived in Gen.Choose(0, 5)
            from id in Gen.Elements(EntryIds)
            select new BacklogEntry((Priority)priority, Morning.AddMinutes(30 + due), Morning.AddMinutes(arrived), id),
            count)
        select entries);

    private enum Op
    {
        Enqueue,
        Offer,
        Accept,
        Reject,
        Expire,
        Release,
        Complete,
        Escalate,
        Transfer,
        Withdraw,
        Rounds,
        Stranger,
    }

    [Property(MaxTest = 200)]
    public Property Random_mornings_keep_one_holder_per_item_every_item_in_one_place_nothing_lost_and_the_routing_order() =>
        Prop.ForAll(Mornings, steps => new Floor().Play(steps));

    [Property(MaxTest = 300)]
    public Property Offer_rounds_reach_everyone_who_fits_before_anyone_gets_another_item() =>
        Prop.ForAll(RoundSetups, PlayRound);

    [Property(MaxTest = 300)]
    public Property The_routing_order_is_priority_then_deadline_then_arrival_then_id() =>
        Prop.ForAll(Entries, entries =>
        {
            var inRoutingOrder = entries.OrderBy(e => e, BacklogOrder.Instance).ToList();
            var byTheRule = entries
                .OrderBy(e => e.Priority)
                .ThenBy(e => e.Deadline)
                .ThenBy(e => e.Arrival)
                .ThenBy(e => e.ItemId, StringComparer.Ordinal)
                .ToList();
            Assert.Equal(byTheRule, inRoutingOrder);

            foreach (var x in entries)
            {
                Assert.Equal(0, BacklogOrder.Instance.Compare(x, x));
                foreach (var y in entries)
                {
                    Assert.Equal(Math.Sign(BacklogOrder.Instance.Compare(x, y)), -Math.Sign(BacklogOrder.Instance.Compare(y, x)));
                }
            }
        });

    private static void PlayRound(RoundSetup setup)
    {
        var backlog = new Backlog(new QueueRules(Routing, SlaPolicy.Default, OfferTimeout, 1000));
        for (var i = 0; i < setup.Items.Length; i++)
        {
            // Items read back as they were, some turned down before by some of the four.
            var (priority, language, minute, rejectedBy) = setup.Items[i];
            var arrival = Morning.AddMinutes(minute);
            var skippedBy = Specialists.Where((_, k) => ((rejectedBy >> k) & 1) == 1).Select(s => s.SpecialistId).ToImmutableArray();
            backlog.Restore(new WorkItem($"w{i:D2}", 0, Submission(i, priority, language, null), WorkItemStatus.Queued, string.Empty, null,
                arrival, SlaPolicy.Default.DeadlineFor(priority, arrival, null), null, null, skippedBy, []));
        }

        var now = Morning.AddHours(1);
        var waiters = new List<WaitingSpecialist>();
        for (var k = 0; k < Specialists.Length; k++)
        {
            var (present, slots, idleMinutes) = setup.Waiters[k];
            if (present)
            {
                // Seconds apart, so that exactly one has waited longest.
                waiters.Add(new WaitingSpecialist(Specialists[k], slots, now.AddMinutes(-idleMinutes).AddSeconds(k)));
            }
        }

        var firstBest = waiters.Select(w => BestByBruteForce(backlog, w.Specialist)?.ItemId).ToList();

        var given = backlog.OfferRounds(waiters, now);

        CheckRounds(backlog, waiters, given, now);
        if (waiters.Count > 0)
        {
            var longestIdle = waiters.Select((w, i) => (w.IdleSince, i)).Min().i;
            Assert.Equal(firstBest[longestIdle], given[longestIdle].Count > 0 ? given[longestIdle][0].ItemId : null);
        }
    }

    /// <summary>
    /// What every offer round must give: each waiter at most their free slots, each item to one
    /// waiter only, as an offer to them; a waiter left with a free slot has nothing left that fits
    /// them; and nobody gets their n-th item while a colleague who fits it has fewer than n - 1
    /// (short of being full).
    /// </summary>
    private static void CheckRounds(Backlog backlog, List<WaitingSpecialist> waiters, IReadOnlyList<IReadOnlyList<WorkItem>> given, DateTimeOffset now)
    {
        Assert.Equal(waiters.Count, given.Count);
        var offered = new HashSet<string>(StringComparer.Ordinal);
        for (var y = 0; y < waiters.Count; y++)
        {
            var to = waiters[y];
            Assert.True(given[y].Count <= to.Slots, $"{to.Specialist.SpecialistId} got {given[y].Count} items for {to.Slots} slots");
            for (var n = 0; n < given[y].Count; n++)
            {
                var item = given[y][n];
                Assert.True(offered.Add(item.ItemId), $"{item.ItemId} was offered twice in one call");
                Assert.Equal(WorkItemStatus.Reserved, item.Status);
                Assert.Equal(to.Specialist.SpecialistId, item.Holder);
                Assert.Equal(now + OfferTimeout, item.ReservationExpiry);
                Assert.Same(item, backlog.Find(item.ItemId));
                for (var x = 0; x < waiters.Count; x++)
                {
                    var colleague = waiters[x];
                    if (x != y && Eligibility.ForQueue(colleague.Specialist, Routing).IsEligible &&
                        Eligibility.ForItem(colleague.Specialist, Routing, item).IsEligible)
                    {
                        Assert.True(
                            given[x].Count >= Math.Min(n, colleague.Slots),
                            $"{to.Specialist.SpecialistId} got {item.ItemId} as item {n + 1} while {colleague.Specialist.SpecialistId}, who fits it, got {given[x].Count}");
                    }
                }
            }

            if (given[y].Count < to.Slots)
            {
                Assert.Null(backlog.BestFor(to.Specialist));
            }
        }
    }

    /// <summary>The first in routing order of the waiting items every rule lets the specialist take, found the slow way.</summary>
    private static WorkItem? BestByBruteForce(Backlog backlog, RoutingCandidate specialist)
    {
        if (!Eligibility.ForQueue(specialist, Routing).IsEligible)
        {
            return null;
        }

        WorkItem? best = null;
        foreach (var item in backlog.OpenItems)
        {
            if (item.Status == WorkItemStatus.Queued && Eligibility.ForItem(specialist, Routing, item).IsEligible &&
                (best is null || BacklogOrder.Instance.Compare(item.Entry, best.Entry) < 0))
            {
                best = item;
            }
        }

        return best;
    }

    private static WorkItemSubmission Submission(int n, Priority priority, string language, DateTimeOffset? deadline) =>
        new("hive-classifier", $"r{n}", $"post-{n}", $"https://content.example/posts/{n}", HarmCategory.HateSpeech,
            priority, language, deadline, ImmutableDictionary<string, string>.Empty);

    /// <summary>One step of a morning: what to do, and two numbers that choose the item, the specialist and the details.</summary>
    private readonly record struct Step(Op Op, int A, int B);

    private sealed record RoundItem(Priority Priority, string Language, int Minute, int RejectedBy);

    private sealed record RoundWaiter(bool Present, int Slots, int IdleMinutes);

    private sealed record RoundSetup(RoundItem[] Items, RoundWaiter[] Waiters);

    /// <summary>One morning on the backlog, with what the test itself knows: what was admitted and what finished.</summary>
    private sealed class Floor
    {
        private const int MaxBacklog = 40;

        /// <summary>What a client may send: the queue's languages, none, and one it does not take.</summary>
        private static readonly string[] SubmittedLanguages = ["en", "de", string.Empty, "fr"];

        private static readonly WorkOutcome Removal = new("remove", "hate-speech/dehumanisation", string.Empty, TimeSpan.Zero, default, string.Empty);

        private readonly KeptFinishedItems _finished = new();
        private readonly Backlog _backlog;
        private readonly List<WorkItemSubmission> _submissions = [];
        private readonly Dictionary<string, string> _itemOfRequest = new(StringComparer.Ordinal);
        private readonly HashSet<string> _admitted = new(StringComparer.Ordinal);
        private readonly HashSet<string> _finishedIds = new(StringComparer.Ordinal);
        private readonly List<string> _finishedInOrder = [];
        private DateTimeOffset _now = Morning;
        private int _submitted;
        private long _completions;

        public Floor() => _backlog = new Backlog(new QueueRules(Routing, SlaPolicy.Default, OfferTimeout, MaxBacklog), _finished);

        public void Play(Step[] steps)
        {
            for (var i = 0; i < steps.Length; i++)
            {
                try
                {
                    _now += TimeSpan.FromSeconds(1);
                    Apply(steps[i]);
                    CheckInvariants();
                }
                catch (Exception e)
                {
                    throw new InvalidOperationException(
                        $"step {i + 1} of {steps.Length} ({steps[i]}) at {_now:HH:mm:ss}, {_backlog.Waiting} waiting, {_backlog.Held} held: {e.Message}", e);
                }
            }
        }

        private void Apply(Step step)
        {
            switch (step.Op)
            {
                case Op.Enqueue:
                    Enqueue(step.A, step.B);
                    break;
                case Op.Offer:
                    Offer(step.A);
                    break;
                case Op.Accept:
                    Accept(step.A, step.B);
                    break;
                case Op.Reject:
                    Reject(step.A, step.B);
                    break;
                case Op.Expire:
                    Expire(step.A);
                    break;
                case Op.Release:
                    Release(step.A, step.B);
                    break;
                case Op.Complete:
                    Complete(step.A, step.B);
                    break;
                case Op.Escalate:
                    Escalate(step.A, step.B);
                    break;
                case Op.Transfer:
                    Transfer(step.A, step.B);
                    break;
                case Op.Withdraw:
                    Withdraw(step.A, step.B);
                    break;
                case Op.Rounds:
                    Rounds(step.A, step.B);
                    break;
                case Op.Stranger:
                    Stranger(step.A);
                    break;
                default:
                    Assert.Fail($"no such operation: {step.Op}");
                    break;
            }
        }

        private void Enqueue(int a, int b)
        {
            if (_submissions.Count > 0 && a / 16 % 6 == 0)
            {
                // The client sends a request again (open or finished): the same item, nothing new.
                var repeat = _submissions[b % _submissions.Count];
                var itemId = _itemOfRequest[repeat.RequestKey];
                Unchanged(() =>
                {
                    var (item, isNew) = _backlog.Admit(repeat with { Priority = Priority.P0 }, "w-never", 0, _now);
                    Assert.False(isNew);
                    Assert.Equal(itemId, item.ItemId);
                });
                return;
            }

            var n = ++_submitted;
            var priority = (Priority)(1 + (a % 4));
            var language = SubmittedLanguages[b % SubmittedLanguages.Length];
            DateTimeOffset? deadline = a / 4 % 3 == 0 ? _now.AddMinutes((b / 4 % 180) - 30) : null;
            var arrival = _now.AddSeconds(-(a / 12 % 120));
            var id = $"w{n * 7919 % 10007:D5}-{n}";
            var submission = Submission(n, priority, language, deadline);
            if (language == "fr")
            {
                Refused(() => _backlog.Admit(submission, id, 0, arrival), RefusalKind.InvalidArgument);
                return;
            }

            if (_backlog.Waiting >= MaxBacklog)
            {
                Refused(() => _backlog.Admit(submission, id, 0, arrival), RefusalKind.ResourceExhausted);
                return;
            }

            var (admitted, isNew) = _backlog.Admit(submission, id, n % 8, arrival);
            Assert.True(isNew);
            Assert.Equal(id, admitted.ItemId);
            Assert.Equal(WorkItemStatus.Queued, admitted.Status);
            Assert.Equal(arrival, admitted.Arrival);
            Assert.Equal(deadline ?? arrival + SlaPolicy.Default.For(priority), admitted.Deadline);
            Assert.True(_admitted.Add(id));
            _submissions.Add(submission);
            _itemOfRequest[submission.RequestKey] = id;
        }

        private void Offer(int a)
        {
            var specialist = Specialists[a % Specialists.Length];
            var expected = BestByBruteForce(_backlog, specialist);
            if (expected is null)
            {
                Unchanged(() => Assert.Null(_backlog.OfferBest(specialist, _now)));
                return;
            }

            var offered = _backlog.OfferBest(specialist, _now);
            Assert.NotNull(offered);
            Assert.Equal(expected.ItemId, offered.ItemId);
            Assert.Equal(WorkItemStatus.Reserved, offered.Status);
            Assert.Equal(specialist.SpecialistId, offered.Holder);
            Assert.Equal(_now + OfferTimeout, offered.ReservationExpiry);
            Assert.Equal(WorkItemAction.Offered, offered.History[^1].Action);
        }

        private void Accept(int a, int b)
        {
            var mode = b % 6;
            var reserved = InStatus(WorkItemStatus.Reserved);
            if (mode == 0)
            {
                // Accepting what was never offered, or an item nobody knows.
                var queued = InStatus(WorkItemStatus.Queued);
                if (queued.Count > 0)
                {
                    var item = Pick(queued, a);
                    Refused(() => _backlog.Accept(item.ItemId, SpecialistId(b / 6), _now), RefusalKind.FailedPrecondition);
                }
                else
                {
                    Refused(() => _backlog.Accept(StrangerId, SpecialistId(b / 6), _now), RefusalKind.NotFound);
                }

                return;
            }

            if (mode == 1 && reserved.Count > 0)
            {
                // Accepting a colleague's offer.
                var offer = Pick(reserved, a);
                Refused(() => _backlog.Accept(offer.ItemId, OtherThan(offer.Holder, b / 6), _now), RefusalKind.FailedPrecondition);
                return;
            }

            if (mode == 2 && _finishedInOrder.Count > 0)
            {
                // Accepting an item that is already done with.
                var gone = _finishedInOrder[a % _finishedInOrder.Count];
                Refused(() => _backlog.Accept(gone, SpecialistId(b / 6), _now), RefusalKind.FailedPrecondition);
                return;
            }

            if (reserved.Count == 0)
            {
                return;
            }

            var taken = Pick(reserved, a);
            if (taken.ReservationExpiry <= _now)
            {
                // The offer's time is up, though nobody has expired it yet.
                Refused(() => _backlog.Accept(taken.ItemId, taken.Holder, _now), RefusalKind.FailedPrecondition);
                return;
            }

            var accepted = _backlog.Accept(taken.ItemId, taken.Holder, _now);
            Assert.Equal(WorkItemStatus.Handling, accepted.Status);
            Assert.Equal(taken.Holder, accepted.Holder);
            Assert.Equal(_now, accepted.AcceptTime);
            Assert.Null(accepted.ReservationExpiry);
            Assert.Equal(taken.LastEvent + 1, accepted.LastEvent);
        }

        private void Reject(int a, int b)
        {
            var reserved = InStatus(WorkItemStatus.Reserved);
            if (reserved.Count == 0)
            {
                // Rejecting an item already accepted.
                var handling = InStatus(WorkItemStatus.Handling);
                if (handling.Count > 0)
                {
                    var item = Pick(handling, a);
                    Refused(() => _backlog.Reject(item.ItemId, item.Holder, "too late", _now), RefusalKind.FailedPrecondition);
                }

                return;
            }

            var offer = Pick(reserved, a);
            if (b % 4 == 0)
            {
                Refused(() => _backlog.Reject(offer.ItemId, OtherThan(offer.Holder, b / 4), "not mine", _now), RefusalKind.FailedPrecondition);
                return;
            }

            var rejected = _backlog.Reject(offer.ItemId, offer.Holder, "conflict of interest", _now);
            Assert.Equal(WorkItemStatus.Queued, rejected.Status);
            Assert.Equal(string.Empty, rejected.Holder);
            Assert.Null(rejected.ReservationExpiry);
            Assert.Contains(offer.Holder, rejected.SkippedBy);
        }

        private void Expire(int a)
        {
            _now += TimeSpan.FromSeconds(a % 45);
            var due = InStatus(WorkItemStatus.Reserved).Where(i => i.ReservationExpiry <= _now).ToDictionary(i => i.ItemId, StringComparer.Ordinal);

            var expired = _backlog.ExpireDue(_now);

            Assert.Equal(due.Count, expired.Count);
            DateTimeOffset? previous = null;
            foreach (var (item, offeredTo) in expired)
            {
                var was = due[item.ItemId];
                Assert.Equal(was.Holder, offeredTo);
                Assert.True(previous is null || previous <= was.ReservationExpiry, "offers expire in the order they lapsed");
                previous = was.ReservationExpiry;
                Assert.Equal(WorkItemStatus.Queued, item.Status);
                Assert.Equal(string.Empty, item.Holder);
                Assert.Null(item.ReservationExpiry);
                Assert.Equal(WorkItemAction.Expired, item.History[^1].Action);
            }

            Assert.DoesNotContain(_backlog.OpenItems, i => i.Status == WorkItemStatus.Reserved && i.ReservationExpiry <= _now);
        }

        private void Release(int a, int b)
        {
            var reserved = InStatus(WorkItemStatus.Reserved);
            if (b % 4 == 0 && reserved.Count > 0)
            {
                // Releasing an item only offered, not yet taken.
                var offer = Pick(reserved, a);
                Refused(() => _backlog.Release(offer.ItemId, offer.Holder, "not started", _now), RefusalKind.FailedPrecondition);
                return;
            }

            var handling = InStatus(WorkItemStatus.Handling);
            if (handling.Count == 0)
            {
                return;
            }

            var item = Pick(handling, a);
            var released = _backlog.Release(item.ItemId, item.Holder, "needs a second look", _now);
            Assert.Equal(WorkItemStatus.Queued, released.Status);
            Assert.Equal(string.Empty, released.Holder);
            Assert.Null(released.AcceptTime);
        }

        private void Complete(int a, int b)
        {
            var handling = InStatus(WorkItemStatus.Handling);
            if (handling.Count == 0)
            {
                // Completing an item only offered.
                var reserved = InStatus(WorkItemStatus.Reserved);
                if (reserved.Count > 0)
                {
                    var offer = Pick(reserved, a);
                    Refused(() => _backlog.Complete(offer.ItemId, offer.Holder, Removal, 0, _now), RefusalKind.FailedPrecondition);
                }

                return;
            }

            var item = Pick(handling, a);
            if (b % 5 == 0)
            {
                Refused(() => _backlog.Complete(item.ItemId, OtherThan(item.Holder, b / 5), Removal, 0, _now), RefusalKind.FailedPrecondition);
                return;
            }

            var completed = _backlog.Complete(item.ItemId, item.Holder, Removal, ++_completions, _now);
            Assert.Equal(WorkItemStatus.Completed, completed.Status);
            Assert.Equal(_completions, completed.CompletionSequence);
            Assert.NotNull(completed.Outcome);
            Assert.Equal(item.Holder, completed.Outcome.SpecialistId);
            Assert.Equal(_now - item.AcceptTime, completed.Outcome.HandleTime);
            Finished(completed);
        }

        private void Escalate(int a, int b)
        {
            var handling = InStatus(WorkItemStatus.Handling);
            if (handling.Count == 0)
            {
                return;
            }

            var item = Pick(handling, a);
            if (b % 5 == 0)
            {
                Refused(() => _backlog.Escalate(item.ItemId, item.Holder, QueueId, "round and round", _now), RefusalKind.InvalidArgument);
            }
            else if (b % 5 == 1)
            {
                Refused(() => _backlog.Escalate(item.ItemId, item.Holder, string.Empty, "anywhere", _now), RefusalKind.FailedPrecondition);
            }
            else
            {
                var escalated = _backlog.Escalate(item.ItemId, item.Holder, "hate-review", "needs a lead", _now);
                Assert.Equal(WorkItemStatus.Escalated, escalated.Status);
                Assert.Equal("hate-review", escalated.EscalatedTo);
                Assert.Equal(string.Empty, escalated.Holder);
                Finished(escalated);
            }
        }

        private void Transfer(int a, int b)
        {
            var handling = InStatus(WorkItemStatus.Handling);
            if (handling.Count == 0)
            {
                return;
            }

            var item = Pick(handling, a);
            var to = Specialists[b % Specialists.Length];
            if (to.SpecialistId == item.Holder)
            {
                Refused(() => _backlog.Transfer(item.ItemId, item.Holder, to, "to myself", _now), RefusalKind.InvalidArgument);
                return;
            }

            if (!Eligibility.ForQueueAndItem(to, Routing, item with { SkippedBy = [] }).IsEligible)
            {
                Refused(() => _backlog.Transfer(item.ItemId, item.Holder, to, "end of shift", _now), RefusalKind.FailedPrecondition);
                return;
            }

            var transferred = _backlog.Transfer(item.ItemId, item.Holder, to, "end of shift", _now);
            Assert.Equal(WorkItemStatus.Reserved, transferred.Status);
            Assert.Equal(to.SpecialistId, transferred.Holder);
            Assert.Equal(_now + OfferTimeout, transferred.ReservationExpiry);
            Assert.Null(transferred.AcceptTime);
        }

        private void Withdraw(int a, int b)
        {
            var reserved = InStatus(WorkItemStatus.Reserved);
            if (reserved.Count == 0)
            {
                return;
            }

            var offer = Pick(reserved, a);
            if (b % 3 == 0)
            {
                // Only the specialist it was offered to can have it withdrawn; for anyone else nothing happens.
                Unchanged(() => Assert.Null(_backlog.Withdraw(offer.ItemId, OtherThan(offer.Holder, b / 3), _now)));
                return;
            }

            var withdrawn = _backlog.Withdraw(offer.ItemId, offer.Holder, _now);
            Assert.NotNull(withdrawn);
            Assert.Equal(WorkItemStatus.Queued, withdrawn.Status);
            Assert.Equal(string.Empty, withdrawn.Holder);
            Assert.Equal(offer.SkippedBy.Length, withdrawn.SkippedBy.Length);
        }

        private void Rounds(int a, int b)
        {
            var waiters = new List<WaitingSpecialist>();
            for (var k = 0; k < Specialists.Length; k++)
            {
                if (((a >> k) & 1) == 1)
                {
                    var slots = 1 + ((b >> (2 * k)) % 3);
                    var idleFor = ((b >> k) % 7 * 10) + k;
                    waiters.Add(new WaitingSpecialist(Specialists[k], slots, _now.AddSeconds(-idleFor)));
                }
            }

            var given = _backlog.OfferRounds(waiters, _now);

            CheckRounds(_backlog, waiters, given, _now);
        }

        private void Stranger(int a)
        {
            // Any request about an item that was never here is NotFound and changes nothing.
            var specialist = Specialists[a % Specialists.Length];
            var id = specialist.SpecialistId;
            switch (a / 4 % 7)
            {
                case 0:
                    Refused(() => _backlog.Accept(StrangerId, id, _now), RefusalKind.NotFound);
                    break;
                case 1:
                    Refused(() => _backlog.Reject(StrangerId, id, "?", _now), RefusalKind.NotFound);
                    break;
                case 2:
                    Refused(() => _backlog.Release(StrangerId, id, "?", _now), RefusalKind.NotFound);
                    break;
                case 3:
                    Refused(() => _backlog.Complete(StrangerId, id, Removal, 0, _now), RefusalKind.NotFound);
                    break;
                case 4:
                    Refused(() => _backlog.Transfer(StrangerId, id, Specialists[(a + 1) % Specialists.Length], "?", _now), RefusalKind.NotFound);
                    break;
                case 5:
                    Refused(() => _backlog.CheckEscalation(StrangerId, id, "hate-review"), RefusalKind.NotFound);
                    break;
                default:
                    Unchanged(() => Assert.Null(_backlog.Withdraw(StrangerId, id, _now)));
                    break;
            }
        }

        private void CheckInvariants()
        {
            var open = Open();
            var queued = new List<WorkItem>();
            var reserved = 0;
            var handling = 0;
            for (var i = 0; i < open.Count; i++)
            {
                var item = open[i];

                // (b) every open item once, in id order, in exactly one of the open states; (a) held ones by one specialist.
                Assert.True(i == 0 || string.CompareOrdinal(open[i - 1].ItemId, item.ItemId) < 0, "OpenItems is in strict id order");
                switch (item.Status)
                {
                    case WorkItemStatus.Queued:
                        Assert.Equal(string.Empty, item.Holder);
                        Assert.Null(item.ReservationExpiry);
                        queued.Add(item);
                        break;
                    case WorkItemStatus.Reserved:
                        Assert.Contains(item.Holder, Specialists.Select(s => s.SpecialistId));
                        Assert.NotNull(item.ReservationExpiry);
                        reserved++;
                        break;
                    case WorkItemStatus.Handling:
                        Assert.Contains(item.Holder, Specialists.Select(s => s.SpecialistId));
                        Assert.Null(item.ReservationExpiry);
                        Assert.NotNull(item.AcceptTime);
                        handling++;
                        break;
                    default:
                        Assert.Fail($"{item.ItemId} is open but {item.Status}");
                        break;
                }

                // (c) admitted here, not finished, and found by id and by request.
                Assert.Contains(item.ItemId, _admitted);
                Assert.DoesNotContain(item.ItemId, _finishedIds);
                Assert.Same(item, _backlog.Find(item.ItemId));
                Assert.Same(item, _backlog.FindByRequest(item.Submission.RequestKey));
            }

            // (c) nothing lost: every admitted item is open or finished (never both, checked above).
            Assert.Equal(_admitted.Count, open.Count + _finishedIds.Count);

            // (b) the counts and the status lists agree with the items.
            Assert.Equal(queued.Count, _backlog.Waiting);
            Assert.Equal(reserved + handling, _backlog.Held);
            Assert.Equal(queued.Select(i => i.ItemId), _backlog.ListAfter(WorkItemStatus.Queued, string.Empty).Select(i => i.ItemId));
            Assert.Equal(reserved, _backlog.ListAfter(WorkItemStatus.Reserved, string.Empty).Count());
            Assert.Equal(handling, _backlog.ListAfter(WorkItemStatus.Handling, string.Empty).Count());

            // (a) and (b): each specialist holds exactly the items whose holder they are; no item is held twice.
            var heldSomewhere = new HashSet<string>(StringComparer.Ordinal);
            foreach (var specialist in Specialists)
            {
                var holds = _backlog.HeldBy(specialist.SpecialistId).Select(i => i.ItemId).Order(StringComparer.Ordinal).ToList();
                var holder = open
                    .Where(i => WorkItemLifecycle.IsHeld(i.Status) && i.Holder == specialist.SpecialistId)
                    .Select(i => i.ItemId)
                    .ToList();
                Assert.Equal(holder, holds);
                foreach (var id in holds)
                {
                    Assert.True(heldSomewhere.Add(id), $"{id} is held by two specialists");
                }
            }

            Assert.Equal(reserved + handling, heldSomewhere.Count);

            // (d) the best item for each specialist is the first in routing order that they may take; Explain agrees.
            foreach (var specialist in Specialists)
            {
                var best = _backlog.BestFor(specialist);
                Assert.Equal(BestByBruteForce(_backlog, specialist)?.ItemId, best?.ItemId);
                Assert.Equal(best?.ItemId, _backlog.Explain(specialist).Next?.ItemId);
            }
        }

        private void Finished(WorkItem item)
        {
            Assert.True(_finishedIds.Add(item.ItemId), $"{item.ItemId} finished twice");
            _finishedInOrder.Add(item.ItemId);
            _finished.Keep(item);
            Assert.Null(_backlog.Find(item.ItemId));
        }

        /// <summary>Runs <paramref name="act"/> and checks that the backlog is exactly as before: the same items, untouched.</summary>
        private void Unchanged(Action act)
        {
            var before = Open();
            var waiting = _backlog.Waiting;
            var held = _backlog.Held;

            act();

            Assert.Equal(waiting, _backlog.Waiting);
            Assert.Equal(held, _backlog.Held);
            var after = Open();
            Assert.Equal(before.Count, after.Count);
            for (var i = 0; i < before.Count; i++)
            {
                Assert.Same(before[i], after[i]);
            }
        }

        /// <summary>Checks that <paramref name="act"/> is refused for <paramref name="kind"/> and changes nothing.</summary>
        private void Refused(Action act, RefusalKind kind) =>
            Unchanged(() => Assert.Equal(kind, Assert.Throws<WorkRefusedException>(act).Kind));

        private List<WorkItem> Open() => [.. _backlog.OpenItems];

        private List<WorkItem> InStatus(WorkItemStatus status) => [.. _backlog.OpenItems.Where(i => i.Status == status)];

        private static WorkItem Pick(List<WorkItem> items, int n) => items[n % items.Count];

        private static string SpecialistId(int n) => Specialists[n % Specialists.Length].SpecialistId;

        private static string OtherThan(string specialistId, int n)
        {
            var others = Specialists.Where(s => s.SpecialistId != specialistId).ToList();
            return others[n % others.Count].SpecialistId;
        }
    }
}
