using System.Collections.Concurrent;
using System.Collections.Immutable;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Grains.Abstractions.Monitoring;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Work;
using SafetyPlatform.Grains.Monitoring;
using SafetyPlatform.Grains.Roster;
using SafetyPlatform.Grains.Work;

namespace SafetyPlatform.Grains.Tests;

[Collection(ClusterCollection.Name)]
public class WorkGrainTests(ClusterFixture fixture)
{
    private static readonly ChangeContext ByLead = new("specialists/lead", "test", null);

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..30];

    private static QueueSettings Settings(string team, int maxBacklog = 1000, TimeSpan? timeout = null) => new(
        "Hate speech EN", HarmCategory.HateSpeech, ["en"], 2, QueueSla.From(SlaPolicy.Default),
        timeout ?? TimeSpan.FromMinutes(1), maxBacklog, [team], Proficiency.Unspecified, string.Empty);

    private static WorkItemSubmission Item(Priority priority, string requestId, string language = "en", DateTimeOffset? deadline = null) =>
        new("moderation-tool", requestId, "content-" + requestId, "https://content.example/" + requestId, HarmCategory.HateSpeech,
            priority, language, deadline, ImmutableDictionary<string, string>.Empty);

    private async Task<(string TeamId, IQueueGrain Queue, string QueueId)> NewFloor(int maxBacklog = 1000, TimeSpan? timeout = null, string site = "")
    {
        var teamId = NewId("team");
        await fixture.Grains.GetGrain<ITeamGrain>(teamId).Create(new TeamProfile("Team", string.Empty, site, string.Empty, "Etc/UTC"), string.Empty);
        await WellbeingOff.For(fixture.Grains, teamId);
        var queueId = NewId("queue");
        var queue = fixture.Grains.GetGrain<IQueueGrain>(queueId);
        await queue.Create(Settings(teamId, maxBacklog, timeout), string.Empty);
        return (teamId, queue, queueId);
    }

    private async Task<ISpecialistDeskGrain> NewSpecialist(string teamId, int maxItems = 1, string language = "en")
    {
        var id = NewId("s");
        var specialist = fixture.Grains.GetGrain<ISpecialistGrain>(id);
        await specialist.Create(teamId, new SpecialistProfile("Aoife", FloorRole.Specialist,
            [new PolicySkill(HarmCategory.HateSpeech, Proficiency.Proficient)], [new LanguageSkill(language, Proficiency.Proficient)],
            maxItems, string.Empty, string.Empty), string.Empty);
        await specialist.SetActivityState(ActivityState.Available, ByLead);
        return fixture.Grains.GetGrain<ISpecialistDeskGrain>(id);
    }

    [Fact]
    public async Task The_desk_follows_the_specialists_changes_at_once_without_asking_again()
    {
        var (teamId, queue, queueId) = await NewFloor();
        var desk = await NewSpecialist(teamId, maxItems: 2);
        var roster = fixture.Grains.GetGrain<ISpecialistGrain>(desk.GetPrimaryKeyString());
        Assert.Null(await desk.Next()); // the desk has now seen them AVAILABLE

        // The test clock stands still, so only the roster's notice can tell the desk of the break.
        await roster.SetActivityState(ActivityState.Break, ByLead);
        await queue.Enqueue(Item(Priority.P1, "during-break"));
        Assert.Null(await desk.Next());
        var refused = await Assert.ThrowsAsync<SafetyException>(() => desk.Accept(queueId, "none"));
        Assert.Equal(SafetyErrorKind.FailedPrecondition, refused.Kind); // not NOT_FOUND from the queue: refused for the break first

        await roster.SetActivityState(ActivityState.Available, ByLead);
        Assert.Equal("content-during-break", (await desk.Next())?.Submission.ContentId);
    }

    [Fact]
    public async Task An_enqueue_repeated_with_its_request_id_returns_the_same_item()
    {
        var (_, queue, _) = await NewFloor();
        var first = await queue.Enqueue(Item(Priority.P2, "r1"));
        var again = await queue.Enqueue(Item(Priority.P2, "r1"));

        Assert.Equal(first.ItemId, again.ItemId);
        Assert.Equal(1, (await queue.Get()).Depth);
    }

    [Fact]
    public async Task A_full_queue_refuses_and_keeps_nothing()
    {
        var (_, queue, _) = await NewFloor(maxBacklog: 2);
        await queue.Enqueue(Item(Priority.P2, "a"));
        await queue.Enqueue(Item(Priority.P2, "b"));

        var error = await Assert.ThrowsAsync<SafetyException>(() => queue.Enqueue(Item(Priority.P2, "c")));

        Assert.Equal(SafetyErrorKind.ResourceExhausted, error.Kind);
        Assert.Equal(2, (await queue.Get()).Depth);
        Assert.Equal(2, (await queue.ListItems(WorkItemStatus.Unspecified, string.Empty, 10)).Items.Length);
    }

    [Fact]
    public async Task Items_are_offered_by_priority_then_time_to_breach_then_age()
    {
        var (teamId, queue, _) = await NewFloor();
        var now = ClusterFixture.Time.GetUtcNow();
        var p2 = await queue.Enqueue(Item(Priority.P2, "p2"));
        var p1Late = await queue.Enqueue(Item(Priority.P1, "p1-late", deadline: now + TimeSpan.FromMinutes(50)));
        var p0 = await queue.Enqueue(Item(Priority.P0, "p0"));
        var p1Soon = await queue.Enqueue(Item(Priority.P1, "p1-soon", deadline: now + TimeSpan.FromMinutes(5)));
        var desk = await NewSpecialist(teamId, maxItems: 4);

        var offered = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            offered.Add((await desk.Next())!.ItemId);
        }

        Assert.Equal([p0.ItemId, p1Soon.ItemId, p1Late.ItemId, p2.ItemId], offered);
        Assert.Null(await desk.Next());
    }

    [Fact]
    public async Task Accepting_makes_the_specialist_handling_and_completing_the_last_item_makes_them_available()
    {
        var (teamId, queue, queueId) = await NewFloor();
        var item = await queue.Enqueue(Item(Priority.P1, "x"));
        var desk = await NewSpecialist(teamId);
        var roster = fixture.Grains.GetGrain<ISpecialistGrain>(desk.GetPrimaryKeyString());

        var offer = await desk.Next();
        Assert.Equal(WorkItemStatus.Reserved, offer!.Status);
        Assert.Null(await desk.Next());
        var accepted = await desk.Accept(queueId, item.ItemId);
        Assert.Equal(WorkItemStatus.Handling, accepted.Status);
        Assert.Equal(ActivityState.Handling, (await roster.Get()).ActivityState);

        ClusterFixture.Time.Advance(TimeSpan.FromMinutes(3));
        var done = await desk.Complete(queueId, item.ItemId, new WorkOutcome("remove", "HS-2", "slur", TimeSpan.Zero, default, string.Empty));

        Assert.Equal(WorkItemStatus.Completed, done.Status);
        Assert.Equal(TimeSpan.FromMinutes(3), done.Outcome!.HandleTime);
        Assert.Equal(ActivityState.Available, (await AvailableAfterGrace(roster)).ActivityState);
        Assert.Equal(["enqueued", "offered", "accepted", "completed"], done.History.Select(h => h.Action.Name()));
        var work = await desk.Work();
        Assert.Equal(1, work.HandledToday);
        Assert.Empty(work.Held);
    }

    [Fact]
    public async Task Wrong_state_changes_are_refused_and_change_nothing()
    {
        var (teamId, queue, queueId) = await NewFloor();
        var item = await queue.Enqueue(Item(Priority.P1, "x"));
        var holder = await NewSpecialist(teamId);
        var other = await NewSpecialist(teamId);
        await holder.Next();

        var notMine = await Assert.ThrowsAsync<SafetyException>(() => other.Accept(queueId, item.ItemId));
        Assert.Equal(SafetyErrorKind.FailedPrecondition, notMine.Kind);
        var notHeld = await Assert.ThrowsAsync<SafetyException>(() => holder.Complete(queueId, item.ItemId, new WorkOutcome("remove", "", "", default, default, "")));
        Assert.Equal(SafetyErrorKind.FailedPrecondition, notHeld.Kind);

        await holder.Accept(queueId, item.ItemId);
        await holder.Complete(queueId, item.ItemId, new WorkOutcome("remove", "", "", default, default, ""));
        var twice = await Assert.ThrowsAsync<SafetyException>(() => holder.Complete(queueId, item.ItemId, new WorkOutcome("keep", "", "", default, default, "")));
        Assert.Equal(SafetyErrorKind.FailedPrecondition, twice.Kind);
        Assert.Equal("remove", (await queue.GetItem(item.ItemId)).Outcome!.Decision);
    }

    [Fact]
    public async Task A_rejected_item_goes_to_someone_else_and_an_unanswered_offer_expires()
    {
        var (teamId, queue, queueId) = await NewFloor(timeout: TimeSpan.FromSeconds(30));
        var item = await queue.Enqueue(Item(Priority.P1, "x"));
        var first = await NewSpecialist(teamId);
        var second = await NewSpecialist(teamId);

        await first.Next();
        await first.Reject(queueId, item.ItemId, "conflict of interest");
        Assert.Null(await first.Next());
        Assert.Equal(item.ItemId, (await second.Next())!.ItemId);

        ClusterFixture.Time.Advance(TimeSpan.FromSeconds(31));
        await WaitUntil(async () => (await queue.GetItem(item.ItemId)).Status == WorkItemStatus.Queued);
        var expired = await queue.GetItem(item.ItemId);
        Assert.Equal(WorkItemAction.Expired, expired.History[^1].Action);
        var roster = fixture.Grains.GetGrain<ISpecialistGrain>(second.GetPrimaryKeyString());
        await WaitUntil(async () => (await roster.Get()).ActivityState == ActivityState.Offline);
    }

    [Fact]
    public async Task Specialists_racing_for_items_get_each_item_exactly_once()
    {
        var (teamId, queue, queueId) = await NewFloor();
        var submissions = Enumerable.Range(0, 300).Select(i => Item((Priority)(1 + (i % 4)), $"race-{i}")).ToImmutableArray();
        var enqueued = await queue.EnqueueBatch(submissions);
        Assert.All(enqueued, e => Assert.Null(e.Error));
        var desks = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => NewSpecialist(teamId, maxItems: 2)));
        var completedBy = new ConcurrentDictionary<string, string>();
        var writesBefore = InMemoryWorkItemStore.Writes;

        await Task.WhenAll(desks.Select(async desk =>
        {
            while (await desk.Next() is { } offer)
            {
                await desk.Accept(queueId, offer.ItemId);
                await desk.Complete(queueId, offer.ItemId, new WorkOutcome("remove", "", "", default, default, ""));
                Assert.True(completedBy.TryAdd(offer.ItemId, desk.GetPrimaryKeyString()), $"{offer.ItemId} was handled twice");
            }
        }));

        Assert.Equal(enqueued.Select(e => e.Item!.ItemId).Order(), completedBy.Keys.Order());
        var queueView = await queue.Get();
        Assert.Equal(0, queueView.Depth);
        Assert.Equal(0, queueView.InProgress);
        // 300 items × 4 changes (offer, accept, complete, outcome handed to the outbox).
        Assert.True(InMemoryWorkItemStore.Writes - writesBefore < 1200, "changes were batched into fewer writes than changes");
    }

    [Fact]
    public async Task The_next_item_within_the_grace_writes_no_state_change_and_availability_counts_from_the_finish()
    {
        var (teamId, queue, queueId) = await NewFloor();
        var items = new[] { await queue.Enqueue(Item(Priority.P1, "a")), await queue.Enqueue(Item(Priority.P1, "b")), await queue.Enqueue(Item(Priority.P1, "c")) };
        var desk = await NewSpecialist(teamId);
        var roster = fixture.Grains.GetGrain<ISpecialistGrain>(desk.GetPrimaryKeyString());
        var outcome = new WorkOutcome("remove", "HS-2", string.Empty, TimeSpan.Zero, default, string.Empty);
        async Task<DateTimeOffset> HandleNext()
        {
            var offer = await desk.Next();
            await desk.Accept(queueId, offer!.ItemId);
            ClusterFixture.Time.Advance(TimeSpan.FromSeconds(30));
            await desk.Complete(queueId, offer.ItemId, outcome);
            return ClusterFixture.Time.GetUtcNow();
        }

        await HandleNext();
        Assert.Equal(ActivityState.Handling, (await roster.Get()).ActivityState);
        var secondFinished = await HandleNext();

        // OFFLINE → AVAILABLE (by the lead), AVAILABLE → HANDLING once for both items, then back as of the finish.
        var available = await AvailableAfterGrace(roster);
        Assert.Equal(secondFinished, available.ActivityStateStart);
        var history = await roster.ListTransitions(0, 10);
        Assert.Equal([ActivityState.Available, ActivityState.Handling, ActivityState.Available], history.Select(t => t.To));
        Assert.Equal(secondFinished, history[^1].At);

        // A change the specialist asks for within the grace starts from AVAILABLE.
        var thirdFinished = await HandleNext();
        var onBreak = await roster.SetActivityState(ActivityState.Break, new ChangeContext("specialists/self", "coffee", null));
        Assert.Equal(ActivityState.Break, onBreak.ActivityState);
        history = await roster.ListTransitions(0, 10);
        Assert.Equal([ActivityState.Available, ActivityState.Handling, ActivityState.Available, ActivityState.Handling, ActivityState.Available, ActivityState.Break],
            history.Select(t => t.To));
        Assert.Equal(thirdFinished, history[^2].At);
        foreach (var item in items)
        {
            Assert.Equal(WorkItemStatus.Completed, (await queue.GetItem(item.ItemId)).Status);
        }
    }

    /// <summary>Moves past the idle grace and waits for its timer to make the specialist AVAILABLE.</summary>
    private static async Task<SpecialistView> AvailableAfterGrace(ISpecialistGrain roster)
    {
        ClusterFixture.Time.Advance(ClusterFixture.IdleGrace);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var me = await roster.Get();
            if (me.ActivityState == ActivityState.Available)
            {
                return me;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }

    [Fact]
    public async Task An_escalated_item_waits_in_the_target_queue_with_its_arrival_and_deadline()
    {
        var (teamId, queue, queueId) = await NewFloor();
        var leadQueueId = NewId("lead");
        var leadQueue = fixture.Grains.GetGrain<IQueueGrain>(leadQueueId);
        await leadQueue.Create(Settings(teamId), string.Empty);
        var item = await queue.Enqueue(Item(Priority.P0, "escalate-me"));
        var desk = await NewSpecialist(teamId);
        await desk.Next();
        await desk.Accept(queueId, item.ItemId);

        var escalated = await desk.Escalate(queueId, item.ItemId, leadQueueId, "possible imminent risk");

        Assert.Equal(WorkItemStatus.Escalated, escalated.Status);
        Assert.Equal(leadQueueId, escalated.EscalatedTo);
        var moved = await leadQueue.GetItem(item.ItemId);
        Assert.Equal(WorkItemStatus.Queued, moved.Status);
        Assert.Equal(item.Arrival, moved.Arrival);
        Assert.Equal(item.Deadline, moved.Deadline);
        Assert.Equal(["enqueued", "offered", "accepted", "escalated", "escalated_in"], moved.History.Select(h => h.Action.Name()));
        Assert.Equal(1, (await leadQueue.Get()).Depth);
        Assert.Equal(0, (await queue.Get()).InProgress);
        var roster = fixture.Grains.GetGrain<ISpecialistGrain>(desk.GetPrimaryKeyString());
        Assert.Equal(ActivityState.Available, (await AvailableAfterGrace(roster)).ActivityState);
        Assert.Equal(1, (await desk.Work()).EscalatedToday);
    }

    [Fact]
    public async Task A_transfer_offers_the_item_to_a_colleague_with_the_skills()
    {
        var (teamId, queue, queueId) = await NewFloor();
        var item = await queue.Enqueue(Item(Priority.P1, "transfer-me", language: "en"));
        var from = await NewSpecialist(teamId);
        var to = await NewSpecialist(teamId);
        var unskilled = await NewSpecialist(teamId, language: "fr");
        await from.Next();
        await from.Accept(queueId, item.ItemId);

        var refused = await Assert.ThrowsAsync<SafetyException>(() => from.Transfer(queueId, item.ItemId, unskilled.GetPrimaryKeyString(), "French?"));
        Assert.Equal(SafetyErrorKind.FailedPrecondition, refused.Kind);
        var offered = await from.Transfer(queueId, item.ItemId, to.GetPrimaryKeyString(), "needs an expert");

        Assert.Equal(WorkItemStatus.Reserved, offered.Status);
        Assert.Equal(to.GetPrimaryKeyString(), offered.Holder);
        Assert.Equal(item.ItemId, Assert.Single((await to.Work()).Offers).ItemId);
        var accepted = await to.Accept(queueId, item.ItemId);
        Assert.Equal(WorkItemStatus.Handling, accepted.Status);
        Assert.Empty((await from.Work()).Held);
    }

    [Fact]
    public async Task Outcomes_reach_the_clients_outbox_until_acknowledged()
    {
        var (teamId, queue, queueId) = await NewFloor();
        var client = NewId("tool");
        var desk = await NewSpecialist(teamId, maxItems: 2);
        var items = new List<string>();
        foreach (var n in new[] { "a", "b" })
        {
            var item = await queue.Enqueue(Item(Priority.P2, n) with { Client = client });
            items.Add(item.ItemId);
            await desk.Next();
            await desk.Accept(queueId, item.ItemId);
            await desk.Complete(queueId, item.ItemId, new WorkOutcome("remove", "", "", default, default, ""));
        }

        var outbox = fixture.Grains.GetGrain<IOutcomeOutboxGrain>(client);
        var notices = await outbox.Next(0, TimeSpan.FromSeconds(5));
        while (notices.Length < 2)
        {
            notices = [.. notices, .. await outbox.Next(notices.Length == 0 ? 0 : notices[^1].Sequence, TimeSpan.FromSeconds(5))];
        }

        Assert.Equal(items, notices.Select(n => n.Item.ItemId));
        Assert.Equal([1L, 2L], notices.Select(n => n.Sequence));
        Assert.All(notices, n => Assert.Equal("remove", n.Item.Outcome!.Decision));

        await outbox.Publish([notices[0].Item]);
        Assert.Equal(1, await outbox.Acknowledge(1));
        var after = await outbox.Next(0, TimeSpan.Zero);
        Assert.Equal(2, Assert.Single(after).Sequence);
        Assert.Equal(2, await outbox.Acknowledge(99));
        Assert.Empty(await outbox.Next(0, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_long_unacknowledged_outbox_is_read_in_order_page_by_page()
    {
        var client = NewId("tool");
        var outbox = fixture.Grains.GetGrain<IOutcomeOutboxGrain>(client);
        var now = ClusterFixture.Time.GetUtcNow();
        WorkItemView Decided(int n) => new("q", $"item-{n:D4}", Item(Priority.P2, $"r{n}") with { Client = client }, WorkItemStatus.Completed,
            string.Empty, null, now, now, new WorkOutcome("remove", "", "", default, default, ""), [], string.Empty);
        for (var start = 0; start < 450; start += 150)
        {
            await outbox.Publish([.. Enumerable.Range(start, 150).Select(Decided)]);
        }

        async Task<List<long>> ReadAll(long after)
        {
            var read = new List<long>();
            for (var page = await outbox.Next(after, TimeSpan.Zero); !page.IsEmpty; page = await outbox.Next(read[^1], TimeSpan.Zero))
            {
                Assert.True(page.Length <= 100);
                read.AddRange(page.Select(n => n.Sequence));
            }

            return read;
        }

        Assert.Equal(Enumerable.Range(1, 450).Select(n => (long)n), await ReadAll(0));
        Assert.Equal(Enumerable.Range(321, 130).Select(n => (long)n), await ReadAll(320));
        Assert.Equal(200, await outbox.Acknowledge(200));
        Assert.Equal(Enumerable.Range(201, 250).Select(n => (long)n), await ReadAll(0));
        Assert.Equal(450, await outbox.Acknowledge(10_000));
        Assert.Empty(await ReadAll(0));
    }

    [Fact]
    public async Task An_arriving_item_goes_to_the_waiting_specialist_idle_longest()
    {
        var (teamId, queue, _) = await NewFloor();
        var longIdle = await NewSpecialist(teamId);
        ClusterFixture.Time.Advance(TimeSpan.FromMinutes(5));
        var justIdle = await NewSpecialist(teamId);

        var justWaiting = justIdle.WaitForOffers(TimeSpan.FromMinutes(10));
        var longWaiting = longIdle.WaitForOffers(TimeSpan.FromMinutes(10));
        await WaitUntil(async () => (await queue.Get()).WaitingSpecialists == 2);
        var first = await queue.Enqueue(Item(Priority.P2, "first"));

        Assert.Equal(first.ItemId, Assert.Single(await longWaiting).ItemId);
        Assert.False(justWaiting.IsCompleted);
        var second = await queue.Enqueue(Item(Priority.P2, "second"));
        Assert.Equal(second.ItemId, Assert.Single(await justWaiting).ItemId);
        Assert.Equal(WorkItemStatus.Reserved, (await queue.GetItem(second.ItemId)).Status);
    }

    [Fact]
    public async Task A_burst_goes_round_the_waiting_specialists_longest_idle_first_up_to_each_ones_free_slots()
    {
        var (teamId, queue, _) = await NewFloor();
        var longIdle = await NewSpecialist(teamId, maxItems: 3);
        ClusterFixture.Time.Advance(TimeSpan.FromMinutes(5));
        var justIdle = await NewSpecialist(teamId, maxItems: 1);

        var longWaiting = longIdle.WaitForOffers(TimeSpan.FromMinutes(10));
        var justWaiting = justIdle.WaitForOffers(TimeSpan.FromMinutes(10));
        await WaitUntil(async () => (await queue.Get()).WaitingSpecialists == 2);
        var burst = await queue.EnqueueBatch([.. Enumerable.Range(0, 5).Select(i => Item(Priority.P2, $"burst-{i}"))]);
        // Same priority, deadline and arrival: routing order falls back to the item id.
        var ids = burst.Select(b => b.Item!.ItemId).Order(StringComparer.Ordinal).ToList();

        // Round one: the longest idle, then the other; round two and three: only the one with free slots.
        Assert.Equal([ids[0], ids[2], ids[3]], (await longWaiting).Select(o => o.ItemId));
        Assert.Equal([ids[1]], (await justWaiting).Select(o => o.ItemId));
        Assert.Equal(1, (await queue.Get()).Depth);

        // No free slot left: the next wait offers nothing more.
        Assert.Empty(await longIdle.WaitForOffers(TimeSpan.Zero));
        Assert.Equal(1, (await queue.Get()).Depth);
    }

    [Fact]
    public async Task The_queue_counts_each_transition_in_the_interval_it_happened_in_and_measures_its_backlog()
    {
        // From the start of the next quarter hour (q), on the test clock.
        var now = ClusterFixture.Time.GetUtcNow();
        var q = StatsInterval.Containing(now, StatsInterval.FifteenMinutes).End;
        ClusterFixture.Time.Advance(q - now);
        var (teamId, queue, queueId) = await NewFloor();
        var urgent = await queue.Enqueue(Item(Priority.P1, "urgent"));   // q, due q + 1 h
        await queue.Enqueue(Item(Priority.P2, "routine"));                // q, due q + 8 h
        var desk = await NewSpecialist(teamId);

        ClusterFixture.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(urgent.ItemId, (await desk.Next())!.ItemId);          // offered at q + 0:30
        ClusterFixture.Time.Advance(TimeSpan.FromSeconds(10));
        await desk.Accept(queueId, urgent.ItemId);                         // accepted at q + 0:40: waited 40 s
        ClusterFixture.Time.Advance(TimeSpan.FromMinutes(3));
        await desk.Complete(queueId, urgent.ItemId, new WorkOutcome("remove", "HS-2", "", default, default, ""));  // q + 3:40: handled 3 min

        var stats = await queue.GetStats(TimeSpan.FromMinutes(5));

        Assert.Equal(queueId, stats.QueueId);
        Assert.Equal(1, stats.Load.Waiting);
        Assert.Equal(1, stats.Load.WaitingByPriority[Priority.P2]);
        Assert.Equal(new TimeSpan(0, 3, 40), stats.Load.OldestAge);
        Assert.Equal(1, stats.Load.Prediction.Staffed);
        Assert.Equal(TimeSpan.FromMinutes(3), stats.Load.Prediction.HandleTime);
        Assert.Null(stats.Load.Prediction.FirstBreach);
        var (minute, previousMinute, quarter, previousQuarter) = (stats.Intervals[0], stats.Intervals[1], stats.Intervals[2], stats.Intervals[3]);
        Assert.Equal(q + TimeSpan.FromMinutes(3), minute.Interval.Start);
        Assert.Equal(1, minute.Completions);
        Assert.Equal(0, minute.Arrivals);
        Assert.True(previousMinute.Closed);
        Assert.Equal(0, previousMinute.Completions + previousMinute.Arrivals);
        Assert.Equal(q, quarter.Interval.Start);
        Assert.False(quarter.Closed);
        Assert.Equal((2, 1, 1, 1), (quarter.Arrivals, quarter.Offers, quarter.Accepts, quarter.Completions));
        Assert.Equal(TimeSpan.FromSeconds(40), quarter.AverageWaitToAccept);
        Assert.Equal(TimeSpan.FromMinutes(3), quarter.AverageHandleTime);
        Assert.Equal(1.0, quarter.SlaAttainment);
        Assert.Equal(0, previousQuarter.Arrivals);
    }

    [Fact]
    public async Task A_stats_watcher_waits_for_the_next_transition_and_not_longer()
    {
        var (_, queue, _) = await NewFloor();
        var before = await queue.GetStats(TimeSpan.FromMinutes(5));

        var watching = queue.WatchStats(before.Version, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1));
        await queue.Enqueue(Item(Priority.P1, "wakes-the-watcher"));
        var after = await watching.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(after.Version > before.Version);
        Assert.Equal(1, after.Load.Waiting);
        // Already behind: answered at once.
        Assert.Equal(1, (await queue.WatchStats(before.Version, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1)).WaitAsync(TimeSpan.FromSeconds(10))).Load.Waiting);

        // Nothing happens: answered after the wait, on the test clock, with the same version.
        var quiet = queue.WatchStats(after.Version, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30));
        await WaitUntil(() =>
        {
            ClusterFixture.Time.Advance(TimeSpan.FromSeconds(31));
            return Task.FromResult(quiet.IsCompleted);
        });
        Assert.Equal(after.Version, (await quiet).Version);
    }

    [Fact]
    public async Task A_team_sees_its_members_by_state_and_the_staffing_of_each_queue_it_serves()
    {
        var (teamId, queue, queueId) = await NewFloor();
        var desk = await NewSpecialist(teamId);
        await NewSpecialist(teamId);
        var onBreak = await NewSpecialist(teamId);
        await fixture.Grains.GetGrain<ISpecialistGrain>(onBreak.GetPrimaryKeyString()).SetActivityState(ActivityState.Break, ByLead);
        var item = await queue.Enqueue(Item(Priority.P1, "one"));
        await queue.Enqueue(Item(Priority.P2, "two"));
        await desk.Next();
        await desk.Accept(queueId, item.ItemId);
        ClusterFixture.Time.Advance(TimeSpan.FromMinutes(6));
        await desk.Complete(queueId, item.ItemId, new WorkOutcome("remove", "HS-2", "", default, default, ""));
        var monitor = fixture.Grains.GetGrain<ITeamMonitorGrain>(teamId);

        // The queue reports its change on its next sweep (within about a second).
        await WaitUntil(async () =>
        {
            ClusterFixture.Time.Advance(TimeSpan.FromMilliseconds(100));
            return (await monitor.GetStats()).Queues.Single().HandleTime is not null;
        });
        var team = await monitor.GetStats();

        Assert.Equal(teamId, team.TeamId);
        Assert.Equal(2, team.MembersByState[ActivityState.Available] + team.MembersByState.GetValueOrDefault(ActivityState.Handling));
        Assert.Equal(1, team.MembersByState[ActivityState.Break]);
        var served = Assert.Single(team.Queues);
        Assert.Equal(queueId, served.QueueId);
        Assert.Equal(1, served.Waiting);
        Assert.Equal(1, served.Staffed);
        // 2 arrivals in 15 min × 6 min ÷ 15 min = 0.8; 1 waiting × 6 min ÷ 15 min = 0.4: 2 needed.
        Assert.Equal(2, served.Needed);
        Assert.Equal(2, team.Needed);
        Assert.Equal(TimeSpan.FromMinutes(6), served.HandleTime);
        // Only the desk's specialist has handled anything: 6 minutes of the three members' logged-in time.
        Assert.InRange(team.Occupancy!.Value, 0.01, 1.0);
    }

    [Fact]
    public async Task A_team_hears_of_a_members_change_from_their_desk_without_asking_them_again()
    {
        var (teamId, _, _) = await NewFloor();
        await NewSpecialist(teamId);
        var goingOnBreak = await NewSpecialist(teamId);
        var monitor = fixture.Grains.GetGrain<ITeamMonitorGrain>(teamId);
        Assert.Equal(2, (await monitor.GetStats()).MembersByState[ActivityState.Available]);

        // The test clock stands still: the monitor's copy of the team stays fresh, so only the desk's report can tell it.
        await fixture.Grains.GetGrain<ISpecialistGrain>(goingOnBreak.GetPrimaryKeyString()).SetActivityState(ActivityState.Break, ByLead);

        await WaitUntil(async () => (await monitor.GetStats()).MembersByState.GetValueOrDefault(ActivityState.Break) == 1);
        Assert.Equal(1, (await monitor.GetStats()).MembersByState[ActivityState.Available]);
    }

    [Fact]
    public async Task A_team_watcher_is_woken_by_a_members_change()
    {
        var (teamId, _, _) = await NewFloor();
        var goingOnBreak = await NewSpecialist(teamId);
        var monitor = fixture.Grains.GetGrain<ITeamMonitorGrain>(teamId);
        var reading = await monitor.WatchStats(-1, TimeSpan.Zero);

        await fixture.Grains.GetGrain<ISpecialistGrain>(goingOnBreak.GetPrimaryKeyString()).SetActivityState(ActivityState.Break, ByLead);

        // The test clock stands still, so a watch returns only when a report woke it (the queue's may come first).
        while (reading.Stats.MembersByState.GetValueOrDefault(ActivityState.Break) == 0)
        {
            var before = reading.Version;
            reading = await monitor.WatchStats(before, TimeSpan.FromMinutes(5)).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(reading.Version > before);
        }
    }

    [Fact]
    public async Task A_team_hears_of_its_queues_change_from_the_queue_without_asking_it_again()
    {
        var (teamId, queue, queueId) = await NewFloor();
        var monitor = fixture.Grains.GetGrain<ITeamMonitorGrain>(teamId);
        Assert.Equal(0, Assert.Single((await monitor.GetStats()).Queues).Waiting);

        // Under a second of test time passes: the monitor's copy of the team stays fresh, so only the queue's report can tell it.
        await queue.Enqueue(Item(Priority.P1, "arrives"));
        await WaitUntil(async () =>
        {
            ClusterFixture.Time.Advance(TimeSpan.FromMilliseconds(100));
            return (await monitor.GetStats()).Queues.Single().Waiting == 1;
        });
        Assert.Equal(queueId, (await monitor.GetStats()).Queues.Single().QueueId);
    }

    [Fact]
    public async Task A_teams_changes_reach_the_organisations_totals_and_a_team_with_none_kept_is_asked_again()
    {
        var site = NewId("site");
        var (teamId, queue, queueId) = await NewFloor(site: site);
        await NewSpecialist(teamId);
        var goingOnBreak = await NewSpecialist(teamId);
        await queue.Enqueue(Item(Priority.P1, "waits"));
        var organisation = fixture.Grains.GetGrain<IOrganisationMonitorGrain>(IOrganisationMonitorGrain.Organisation);
        async Task<OrganisationTotals?> SitesTotals()
        {
            ClusterFixture.Time.Advance(TimeSpan.FromMilliseconds(200));
            return (await organisation.Totals(OrganisationGrouping.Site, site, string.Empty)).Groups.GetValueOrDefault(site);
        }

        // The members' desks and the queue report to the team, the team to its shard (at most once a second).
        await WaitUntil(async () => await SitesTotals() is { } t && t.MembersByState.GetValueOrDefault(ActivityState.Available) == 2 && t.Waiting == 1);
        await fixture.Grains.GetGrain<ISpecialistGrain>(goingOnBreak.GetPrimaryKeyString()).SetActivityState(ActivityState.Break, ByLead);
        await WaitUntil(async () => (await SitesTotals())?.MembersByState.GetValueOrDefault(ActivityState.Break) == 1);

        var totals = (await SitesTotals())!;
        Assert.Equal(1, totals.Teams);
        Assert.Equal(1, totals.OnQueue);
        Assert.Equal([queueId], totals.Queues.Keys);

        // The shard is unloaded and forgets; the next look for silent teams (once a minute) asks the team again.
        await fixture.Grains.GetGrain<IOrganisationShardGrain>(IOrganisationShardGrain.For(teamId))
            .AsReference<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();
        ClusterFixture.Time.Advance(OrganisationMonitorGrain.LookForSilentTeamsEvery);
        await WaitUntil(async () => (await SitesTotals())?.MembersByState.GetValueOrDefault(ActivityState.Break) == 1);
    }

    [Fact]
    public async Task The_exposure_ledger_counts_each_item_from_accept_to_finish_follows_wellness_breaks_and_survives_the_desk_unloading()
    {
        var (teamId, queue, queueId) = await NewFloor(maxBacklog: 1000);
        var desk = await NewSpecialist(teamId);
        var specialist = fixture.Grains.GetGrain<ISpecialistGrain>(desk.GetPrimaryKeyString());
        await queue.Enqueue(Item(Priority.P1, "first"));
        await queue.Enqueue(Item(Priority.P1, "second"));

        // Hate speech (medium, a minute weighs 1): 6 minutes handled, then 4 minutes into the next.
        var first = (await desk.Next())!;
        await desk.Accept(queueId, first.ItemId);
        ClusterFixture.Time.Advance(TimeSpan.FromMinutes(6));
        await desk.Complete(queueId, first.ItemId, new WorkOutcome("remove", "HS-2", "", default, default, ""));
        var second = await desk.Next();
        await desk.Accept(queueId, second!.ItemId);
        ClusterFixture.Time.Advance(TimeSpan.FromMinutes(4));

        var exposure = await desk.Exposure();
        var today = exposure.Today[HarmCategory.HateSpeech];
        Assert.Equal((2, TimeSpan.FromMinutes(10), 10.0), (today.Items, today.Time, today.WeightedMinutes));
        Assert.Equal(1, exposure.ItemsInHand);
        Assert.Equal(today, exposure.ThisShift[HarmCategory.HateSpeech]);
        Assert.Equal(today, exposure.LastSevenDays[HarmCategory.HateSpeech]);

        // A wellness break: the ledger follows the activity state.
        await desk.Release(queueId, second.ItemId, "needs a break");
        await specialist.SetActivityState(ActivityState.WellnessBreak, ByLead);
        await WaitUntil(async () => (await desk.Exposure()).OnWellnessBreak);
        ClusterFixture.Time.Advance(TimeSpan.FromMinutes(10));
        await specialist.SetActivityState(ActivityState.Available, ByLead);
        await WaitUntil(async () => (await desk.Exposure()).LastWellnessBreakEnd is not null);

        // Unloaded (as in a restart), the desk reads the same ledger back.
        var before = await desk.Exposure();
        await desk.AsReference<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();
        var after = await desk.Exposure();
        Assert.Equal(before.Today, after.Today);
        Assert.Equal(before.LastWellnessBreakEnd, after.LastWellnessBreakEnd);
        Assert.Equal(0, after.ItemsInHand);
    }

    [Fact]
    public async Task A_day_that_ended_is_kept_as_history_reads_the_same_again_and_the_teams_day_sums_its_members()
    {
        var (teamId, queue, queueId) = await NewFloor();
        var aoife = await NewSpecialist(teamId);
        await NewSpecialist(teamId);
        var item = await queue.Enqueue(Item(Priority.P1, "one"));
        await aoife.Next();
        await aoife.Accept(queueId, item.ItemId);
        ClusterFixture.Time.Advance(TimeSpan.FromMinutes(6));
        await aoife.Complete(queueId, item.ItemId, new WorkOutcome("remove", "HS-2", "", default, default, ""));
        var aoifesHistory = fixture.Grains.GetGrain<ISpecialistHistoryGrain>(aoife.GetPrimaryKeyString());
        var teamHistory = fixture.Grains.GetGrain<ITeamHistoryGrain>(teamId);
        var wednesday = DateOnly.FromDateTime(ClusterFixture.Time.GetUtcNow().UtcDateTime);
        Assert.Empty((await aoifesHistory.Read(null, null, 10)).Days);   // today has not closed

        // The team keeps UTC: a minute past midnight, the day has closed.
        var now = ClusterFixture.Time.GetUtcNow();
        ClusterFixture.Time.Advance(now.UtcDateTime.Date.AddDays(1).AddMinutes(1) - now.UtcDateTime);
        var first = await aoifesHistory.Read(null, null, 10);
        var team = await teamHistory.Read(null, null, 10);

        var day = Assert.Single(first.Days);
        Assert.False(first.More);
        Assert.Equal((wednesday, 1, 1), (day.Day, day.Specialists, day.Handled));
        Assert.Equal(TimeSpan.FromMinutes(6), day.AverageHandleTime);
        var teamDay = Assert.Single(team.Days);
        // Both were AVAILABLE from the same instant to midnight; only Aoife handled anything.
        Assert.Equal((wednesday, 2, 1), (teamDay.Day, teamDay.Specialists, teamDay.Handled));
        Assert.Equal(day.LoggedIn * 2, teamDay.LoggedIn);
        Assert.Equal(day.Occupancy!.Value / 2, teamDay.Occupancy!.Value, 10);

        ClusterFixture.Time.Advance(TimeSpan.FromHours(1));
        var again = Assert.Single((await aoifesHistory.Read(null, null, 10)).Days);
        Assert.Equal((day.Day, day.Handled, day.HandleTime, day.LoggedIn, day.Occupancy), (again.Day, again.Handled, again.HandleTime, again.LoggedIn, again.Occupancy));
        Assert.Empty((await aoifesHistory.Read(wednesday.AddDays(1), null, 10)).Days);

        var unknown = await Assert.ThrowsAsync<SafetyException>(() => fixture.Grains.GetGrain<ISpecialistHistoryGrain>(NewId("nobody")).Read(null, null, 10));
        Assert.Equal(SafetyErrorKind.NotFound, unknown.Kind);
    }

    [Fact]
    public async Task A_queue_handed_to_another_team_leaves_the_first_teams_routes()
    {
        var directory = fixture.Grains.GetGrain<IQueueDirectoryGrain>(IQueueDirectoryGrain.AllQueues);
        var (dublin, lisbon, queueId) = (NewId("dublin"), NewId("lisbon"), NewId("queue"));
        QueueRoute Route(string team) => new(queueId, HarmCategory.HateSpeech, ["en"], Proficiency.Proficient, [team]);

        await directory.Register(Route(dublin));
        Assert.Equal([queueId], (await directory.ServedBy(dublin)).Select(r => r.QueueId));

        await directory.Register(Route(lisbon));

        Assert.Empty(await directory.ServedBy(dublin));
        Assert.Equal([queueId], (await directory.ServedBy(lisbon)).Select(r => r.QueueId));
        Assert.True(await directory.Knows(queueId));
    }

    [Fact]
    public async Task Stats_of_a_team_never_created_are_not_found()
    {
        var error = await Assert.ThrowsAsync<SafetyException>(() => fixture.Grains.GetGrain<ITeamMonitorGrain>(NewId("no-team")).GetStats());
        Assert.Equal(SafetyErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task A_closed_quarter_hour_is_stored_and_read_back_as_history_without_loading_the_queue()
    {
        var now = ClusterFixture.Time.GetUtcNow();
        var q = StatsInterval.Containing(now, StatsInterval.FifteenMinutes).End;
        ClusterFixture.Time.Advance(q - now);
        var (teamId, queue, queueId) = await NewFloor();
        var item = await queue.Enqueue(Item(Priority.P1, "kept"));
        var desk = await NewSpecialist(teamId);
        await desk.Next();
        ClusterFixture.Time.Advance(TimeSpan.FromSeconds(20));
        await desk.Accept(queueId, item.ItemId);
        ClusterFixture.Time.Advance(TimeSpan.FromMinutes(2));
        await desk.Complete(queueId, item.ItemId, new WorkOutcome("remove", "HS-2", "", default, default, ""));
        ClusterFixture.Time.Advance(TimeSpan.FromMinutes(15));   // the quarter from q has closed
        var history = fixture.Grains.GetGrain<IQueueHistoryGrain>(queueId);

        QueueHistoryPage? quarters = null;
        await WaitUntil(async () =>
        {
            quarters = await history.Read(StatsInterval.FifteenMinutes, q - TimeSpan.FromHours(1), q + TimeSpan.FromHours(1), 10);
            return quarters.Intervals.Length == 1;
        });
        var stored = quarters!.Intervals[0];
        Assert.Equal(q, stored.Interval.Start);
        Assert.True(stored.Closed);
        Assert.Equal((1, 1, 1, 1), (stored.Arrivals, stored.Offers, stored.Accepts, stored.Completions));
        Assert.Equal(TimeSpan.FromSeconds(20), stored.AverageWaitToAccept);
        Assert.Equal(TimeSpan.FromMinutes(2), stored.AverageHandleTime);
        var minutes = await history.Read(StatsInterval.OneMinute, q, q + StatsInterval.FifteenMinutes, 10);
        Assert.Equal([q, q + TimeSpan.FromMinutes(2)], minutes.Intervals.Select(i => i.Interval.Start));
        Assert.False(minutes.More);
        Assert.Equal(stored, (await history.Read(StatsInterval.FifteenMinutes, q, q + StatsInterval.FifteenMinutes, 10)).Intervals[0]);
    }

    [Fact]
    public async Task History_of_a_queue_never_created_is_not_found()
    {
        var error = await Assert.ThrowsAsync<SafetyException>(() =>
            fixture.Grains.GetGrain<IQueueHistoryGrain>(NewId("no-history")).Read(StatsInterval.FifteenMinutes, DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow, 10));
        Assert.Equal(SafetyErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task A_P0_nobody_is_staffing_raises_one_predicted_breach_alert_for_the_team_which_a_lead_acknowledges()
    {
        var (teamId, queue, queueId) = await NewFloor();
        var feed = fixture.Grains.GetGrain<IAlertFeedGrain>(teamId);
        var first = await feed.Watch(Guid.Empty, -1, TimeSpan.Zero);
        Assert.True(first.IsSnapshot);
        Assert.Empty(first.Alerts);

        await queue.Enqueue(Item(Priority.P0, "imminent"));   // due in 15 minutes, and nobody serves the queue yet
        AlertFeedChanges? raised = null;
        await WaitUntil(async () =>
        {
            ClusterFixture.Time.Advance(TimeSpan.FromSeconds(5));   // the queue checks every 5 seconds
            raised = await feed.Watch(first.Incarnation, first.Version, TimeSpan.Zero);
            return raised.Alerts.Any(a => a.Kind == AlertKind.PredictedBreach);
        });

        var alert = raised!.Alerts.Single(a => a.Kind == AlertKind.PredictedBreach);
        Assert.Equal($"queues/{queueId}", alert.Subject);
        Assert.True(alert.IsOpen);
        var acknowledged = await feed.Acknowledge(alert.AlertId, "specialists/lead-niamh");
        Assert.Equal("specialists/lead-niamh", acknowledged.AcknowledgedBy);

        // It still holds: still one alert, still acknowledged.
        ClusterFixture.Time.Advance(TimeSpan.FromSeconds(5));
        var all = await feed.Watch(Guid.Empty, -1, TimeSpan.Zero);
        var same = Assert.Single(all.Alerts, a => a.Kind == AlertKind.PredictedBreach);
        Assert.Equal(alert.AlertId, same.AlertId);
        Assert.True(same.IsAcknowledged);
        var unknown = await Assert.ThrowsAsync<SafetyException>(() => feed.Acknowledge("a-unknown", "specialists/lead-niamh"));
        Assert.Equal(SafetyErrorKind.NotFound, unknown.Kind);
    }

    [Fact]
    public async Task Alerts_of_a_team_never_created_are_not_found()
    {
        var error = await Assert.ThrowsAsync<SafetyException>(() => fixture.Grains.GetGrain<IAlertFeedGrain>(NewId("no-team")).Watch(Guid.Empty, -1, TimeSpan.Zero));
        Assert.Equal(SafetyErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task A_specialists_day_counts_her_offers_rejections_and_completions_and_her_time_handling()
    {
        var (teamId, queue, queueId) = await NewFloor();
        var first = await queue.Enqueue(Item(Priority.P1, "first"));
        var second = await queue.Enqueue(Item(Priority.P2, "second"));
        var desk = await NewSpecialist(teamId);

        Assert.Equal(first.ItemId, (await desk.Next())!.ItemId);
        await desk.Reject(queueId, first.ItemId, "conflict of interest");
        Assert.Equal(second.ItemId, (await desk.Next())!.ItemId);
        await desk.Accept(queueId, second.ItemId);
        var handling = await desk.Stats();
        ClusterFixture.Time.Advance(TimeSpan.FromMinutes(3));
        await desk.Complete(queueId, second.ItemId, new WorkOutcome("remove", "HS-2", "", default, default, ""));

        var stats = await desk.Stats();
        var today = stats.Today;

        Assert.Equal((queueId, second.ItemId), Assert.Single(handling.Held));
        Assert.Empty(stats.Held);
        Assert.Equal((2, 1, 0), (today.Offers, today.Rejected, today.Expired));
        Assert.Equal(1, today.Handled);
        Assert.Equal(TimeSpan.FromMinutes(3), today.AverageHandleTime);
        Assert.Equal(1.0, today.SlaAttainment);
        Assert.True(today.In(ActivityState.Handling) >= TimeSpan.FromMinutes(3));
        Assert.NotNull(today.Occupancy);
        Assert.InRange(today.Occupancy!.Value, 0.5, 1.0);
    }

    [Fact]
    public async Task Stats_of_a_queue_never_created_are_not_found()
    {
        var error = await Assert.ThrowsAsync<SafetyException>(() => fixture.Grains.GetGrain<IQueueGrain>(NewId("nowhere")).GetStats(TimeSpan.FromMinutes(5)));
        Assert.Equal(SafetyErrorKind.NotFound, error.Kind);
    }

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(20);
        }
    }
}
