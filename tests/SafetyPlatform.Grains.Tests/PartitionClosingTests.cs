using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Work;
using SafetyPlatform.Grains.Roster;
using SafetyPlatform.Grains.Work;

namespace SafetyPlatform.Grains.Tests;

/// <summary>
/// Finished items leave memory: a partition (10 items in these tests) whose items are all
/// finished and handed over closes, and its items are still found, listed, counted and
/// recognised by their request ids, also after the queue restarts.
/// </summary>
[Collection(ClusterCollection.Name)]
public class PartitionClosingTests(ClusterFixture fixture)
{
    private static readonly ChangeContext ByLead = new("specialists/lead", "test", null);

    private InMemoryWorkItemStore Store =>
        (InMemoryWorkItemStore)((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<IWorkItemStore>();

    private static WorkItemSubmission Item(string requestId) =>
        new("moderation-tool", requestId, "content-" + requestId, "https://content.example/" + requestId, HarmCategory.HateSpeech,
            Priority.P2, "en", null, ImmutableDictionary<string, string>.Empty);

    [Fact]
    public async Task A_queue_with_open_items_is_not_unloaded_as_idle_and_an_empty_one_is()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var teamId = "team-" + id;
        await fixture.Grains.GetGrain<ITeamGrain>(teamId).Create(new TeamProfile("Team", string.Empty, string.Empty, string.Empty, "Etc/UTC"), string.Empty);
        await WellbeingOff.For(fixture.Grains, teamId);
        var (open, empty) = (fixture.Grains.GetGrain<IQueueGrain>("open-" + id), fixture.Grains.GetGrain<IQueueGrain>("empty-" + id));
        foreach (var queue in new[] { open, empty })
        {
            await queue.Create(new QueueSettings("Hate speech EN", HarmCategory.HateSpeech, ["en"], 2, QueueSla.From(SlaPolicy.Default),
                TimeSpan.FromMinutes(5), 1000, [teamId], Proficiency.Unspecified, string.Empty), string.Empty);
        }

        await open.Enqueue(Item("waiting"));
        var (openLoads, emptyLoads) = (Store.Loads("open-" + id), Store.Loads("empty-" + id));

        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await empty.Get();
        Assert.Equal(emptyLoads + 1, Store.Loads("empty-" + id));   // unloaded as idle, loaded again by the call
        await open.Get();

        Assert.Equal(openLoads, Store.Loads("open-" + id));
    }

    [Fact]
    public async Task Finished_partitions_close_and_their_items_are_still_read_listed_counted_and_recognised_after_a_restart()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var teamId = "team-" + id;
        var queueId = "queue-" + id;
        await fixture.Grains.GetGrain<ITeamGrain>(teamId).Create(new TeamProfile("Team", string.Empty, string.Empty, string.Empty, "Etc/UTC"), string.Empty);
        await WellbeingOff.For(fixture.Grains, teamId);
        var queue = fixture.Grains.GetGrain<IQueueGrain>(queueId);
        await queue.Create(new QueueSettings("Hate speech EN", HarmCategory.HateSpeech, ["en"], 2, QueueSla.From(SlaPolicy.Default),
            TimeSpan.FromMinutes(5), 1000, [teamId], Proficiency.Unspecified, string.Empty), string.Empty);
        var specialistId = "s-" + id;
        var specialist = fixture.Grains.GetGrain<ISpecialistGrain>(specialistId);
        await specialist.Create(teamId, new SpecialistProfile("Aoife", FloorRole.Specialist,
            [new PolicySkill(HarmCategory.HateSpeech, Proficiency.Proficient)], [new LanguageSkill("en", Proficiency.Proficient)],
            1, string.Empty, string.Empty), string.Empty);
        await specialist.SetActivityState(ActivityState.Available, ByLead);
        var desk = fixture.Grains.GetGrain<ISpecialistDeskGrain>(specialistId);

        // 25 items fill partitions 0 and 1 and start partition 2; the first 20 are handled.
        var items = new List<WorkItemView>();
        for (var i = 0; i < 25; i++)
        {
            // One second apart, so routing order (same priority: earliest deadline) is arrival order.
            ClusterFixture.Time.Advance(TimeSpan.FromSeconds(1));
            items.Add(await queue.Enqueue(Item($"r{i:D2}")));
        }

        for (var i = 0; i < 20; i++)
        {
            var offer = (await desk.Next())!;
            await desk.Accept(queueId, offer.ItemId);
            await desk.Complete(queueId, offer.ItemId, new WorkOutcome("remove", "HS-2", "slur", TimeSpan.Zero, default, string.Empty));
        }

        await Eventually(() => Store.ClosedPartitions(queueId) == 2, "partitions 0 and 1 close once their outcomes are handed over");
        await AssertFinishedItemsAreFound();

        // A restart reads only the open partition; the closed ones are known by their digests.
        var loadsBefore = Store.Loads(queueId);
        // A queue with open items stays loaded however idle: it is told to unload, as a restart would.
        await queue.AsReference<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();
        await AssertFinishedItemsAreFound();
        Assert.Equal(loadsBefore + 1, Store.Loads(queueId));
        Assert.Equal(5, (await queue.Get()).Depth);

        async Task AssertFinishedItemsAreFound()
        {
            var first = await queue.GetItem(items[0].ItemId);
            Assert.Equal(WorkItemStatus.Completed, first.Status);
            Assert.Equal(["enqueued", "offered", "accepted", "completed"], first.History.Select(e => e.Action.Name()));
            Assert.Equal(items[3].ItemId, (await queue.Enqueue(Item("r03"))).ItemId);

            var listed = new List<WorkItemView>();
            var key = string.Empty;
            do
            {
                // Pages of 5 end exactly at partition boundaries (10 items each): the next page starts the next partition whole.
                var page = await queue.ListItems(WorkItemStatus.Completed, key, 5);
                listed.AddRange(page.Items);
                key = page.NextKey;
            }
            while (key.Length > 0);

            Assert.Equal(items.Take(20).Select(i => i.ItemId).Order(StringComparer.Ordinal), listed.Select(i => i.ItemId).Order(StringComparer.Ordinal));
            Assert.Equal(25, (await queue.ListItems(WorkItemStatus.Unspecified, string.Empty, 100)).Items.Length);
            Assert.Equal(20, (await desk.Work()).HandledToday);
            var late = await Assert.ThrowsAsync<SafetyException>(() => desk.Complete(queueId, items[1].ItemId, new WorkOutcome("keep", "", "", TimeSpan.Zero, default, "")));
            Assert.Equal(SafetyErrorKind.FailedPrecondition, late.Kind);
        }
    }

    /// <summary>Polls with a deadline; moves the silo's clock on meanwhile, since the queue's sweep runs on it.</summary>
    private static async Task Eventually(Func<bool> condition, string what)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            ClusterFixture.Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token).ContinueWith(t =>
            {
                if (t.IsCanceled)
                {
                    throw new TimeoutException($"waited 20 s for: {what}");
                }
            }, TaskScheduler.Default);
        }
    }
}
