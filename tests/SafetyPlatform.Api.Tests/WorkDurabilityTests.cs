using System.Diagnostics;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Work.V1;
using SafetyPlatform.Client;
using Xunit.Abstractions;
using static SafetyPlatform.Api.Tests.WorkEndToEndTests;

namespace SafetyPlatform.Api.Tests;

/// <summary>A platform of its own per test, because each kills or restarts the silo.</summary>
public sealed class WorkDurabilityTests(ITestOutputHelper output) : OwnPlatform(inMemoryStorage: true)
{
    [Fact]
    public async Task Acknowledged_work_survives_a_killed_silo_and_is_routed_afterwards()
    {
        using var connection = Platform.Connect();
        var (team, queue) = await NewFloor(connection);
        var aoife = await AvailableSpecialist(connection, team, "Aoife", maxItems: 2);
        var batch = new BatchEnqueueWorkItemsRequest { Parent = queue.Name };
        batch.Requests.AddRange(Enumerable.Range(0, 50).Select(i => Report(queue, RequestIds.New(), (Priority)(1 + (i % 4)))));
        var enqueued = (await connection.Work.BatchEnqueueWorkItemsAsync(batch)).Results.Select(r => r.WorkItem.Name).ToHashSet();
        var held = (await connection.Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = aoife.Name })).WorkItem;
        await connection.Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = held.Name, Specialist = aoife.Name });
        var before = await connection.Work.GetWorkItemAsync(new GetWorkItemRequest { Name = held.Name });

        await Platform.KillSilo();
        await Platform.StartSiloAgain();

        Assert.Equal(before, await connection.Work.GetWorkItemAsync(new GetWorkItemRequest { Name = held.Name }));
        var queueAfter = await connection.Work.GetQueueAsync(new GetQueueRequest { Name = queue.Name });
        Assert.Equal(49, queueAfter.Depth);
        Assert.Equal(1, queueAfter.InProgress);

        var handled = new HashSet<string>();
        await connection.Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = held.Name, Specialist = aoife.Name, Outcome = new Outcome { Decision = "remove" } });
        handled.Add(held.Name);
        while ((await connection.Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = aoife.Name })).WorkItem is { } offer)
        {
            await connection.Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = offer.Name, Specialist = aoife.Name });
            await connection.Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = offer.Name, Specialist = aoife.Name, Outcome = new Outcome { Decision = "remove" } });
            Assert.True(handled.Add(offer.Name), $"{offer.Name} delivered twice");
        }

        Assert.Equal(enqueued.Order(), handled.Order());

        // Every decision, before and after the kill, reaches the submitting tool.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var watch = connection.Work.WatchOutcomes(new WatchOutcomesRequest { Client = "moderation-tool" }, cancellationToken: timeout.Token);
        var notified = new HashSet<string>();
        while (notified.Count < handled.Count)
        {
            Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
            notified.Add(watch.ResponseStream.Current.WorkItem.Name);
        }

        Assert.Equal(handled.Order(), notified.Order());
    }

    [Fact]
    public async Task An_offer_lost_with_its_silo_is_refused_and_its_item_routed_again()
    {
        using var connection = Platform.Connect();
        var (team, queue) = await NewFloor(connection);
        var aoife = await AvailableSpecialist(connection, team, "Aoife", maxItems: 1);
        var first = await connection.Work.EnqueueWorkItemAsync(Report(queue, RequestIds.New(), Priority.P1));
        var second = await connection.Work.EnqueueWorkItemAsync(Report(queue, RequestIds.New(), Priority.P2));
        var offer = (await connection.Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = aoife.Name })).WorkItem;
        Assert.Equal(first.Name, offer.Name);

        // An offer is a lease in the queue's memory: the kill takes it, the item is queued again.
        await Platform.KillSilo();
        await Platform.StartSiloAgain();

        await Expect.Status(Grpc.Core.StatusCode.FailedPrecondition, () =>
            connection.Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = offer.Name, Specialist = aoife.Name }).ResponseAsync);
        Assert.Equal(WorkItemStatus.Queued, (await connection.Work.GetWorkItemAsync(new GetWorkItemRequest { Name = first.Name })).Status);

        // The lost offer takes no slot: the specialist is offered the same item again, then the next.
        var handled = new List<string>();
        while ((await connection.Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = aoife.Name })).WorkItem is { } next)
        {
            await connection.Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = next.Name, Specialist = aoife.Name });
            await connection.Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = next.Name, Specialist = aoife.Name, Outcome = new Outcome { Decision = "remove" } });
            handled.Add(next.Name);
        }

        Assert.Equal([first.Name, second.Name], handled);
    }

    [Fact]
    public async Task Acknowledged_outcomes_are_not_sent_again_after_a_planned_restart()
    {
        using var connection = Platform.Connect();
        var (team, queue) = await NewFloor(connection);
        var aoife = await AvailableSpecialist(connection, team, "Aoife");
        async Task<string> HandleOne()
        {
            await connection.Work.EnqueueWorkItemAsync(Report(queue, RequestIds.New(), Priority.P2));
            var item = (await connection.Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = aoife.Name })).WorkItem;
            await connection.Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = item.Name, Specialist = aoife.Name });
            await connection.Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = item.Name, Specialist = aoife.Name, Outcome = new Outcome { Decision = "keep" } });
            return item.Name;
        }

        var before = new List<string> { await HandleOne(), await HandleOne(), await HandleOne() };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using (var watch = connection.Work.WatchOutcomes(new WatchOutcomesRequest { Client = "moderation-tool" }, cancellationToken: timeout.Token))
        {
            var seen = new List<OutcomeNotice>();
            while (seen.Count < before.Count)
            {
                Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
                seen.Add(watch.ResponseStream.Current);
            }

            Assert.Equal(before, seen.Select(n => n.WorkItem.Name));
            await connection.Work.AcknowledgeOutcomesAsync(new AcknowledgeOutcomesRequest { Client = "moderation-tool", Sequence = seen[^1].Sequence });
        }

        await Platform.StopSilo();
        await Platform.StartSiloAgain();
        var after = await HandleOne();

        // The queue recorded which outcomes it had handed over: the first notice now is the new decision.
        using var again = connection.Work.WatchOutcomes(new WatchOutcomesRequest { Client = "moderation-tool" }, cancellationToken: timeout.Token);
        Assert.True(await again.ResponseStream.MoveNext(timeout.Token));
        Assert.Equal(after, again.ResponseStream.Current.WorkItem.Name);
    }

    [Fact]
    public async Task Outcomes_acknowledged_part_way_through_a_batch_resume_just_after_the_acknowledgement_after_a_restart()
    {
        using var connection = Platform.Connect();
        var (team, queue) = await NewFloor(connection);
        var aoife = await AvailableSpecialist(connection, team, "Aoife", maxItems: 5);
        var batch = new BatchEnqueueWorkItemsRequest { Parent = queue.Name };
        batch.Requests.AddRange(Enumerable.Range(0, 5).Select(_ => Report(queue, RequestIds.New())));
        await connection.Work.BatchEnqueueWorkItemsAsync(batch);
        var held = new List<string>();
        while ((await connection.Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = aoife.Name })).WorkItem is { } offer)
        {
            await connection.Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = offer.Name, Specialist = aoife.Name });
            held.Add(offer.Name);
        }

        // Decided together, so their notices are stored together (a page of the outbox).
        await Task.WhenAll(held.Select(name => connection.Work.CompleteWorkItemAsync(
            new CompleteWorkItemRequest { Name = name, Specialist = aoife.Name, Outcome = new Outcome { Decision = "remove" } }).ResponseAsync));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new List<OutcomeNotice>();
        using (var watch = connection.Work.WatchOutcomes(new WatchOutcomesRequest { Client = "moderation-tool" }, cancellationToken: timeout.Token))
        {
            while (seen.Count < held.Count)
            {
                Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
                seen.Add(watch.ResponseStream.Current);
            }
        }

        await connection.Work.AcknowledgeOutcomesAsync(new AcknowledgeOutcomesRequest { Client = "moderation-tool", Sequence = seen[1].Sequence });
        await Platform.StopSilo();
        await Platform.StartSiloAgain();

        using var again = connection.Work.WatchOutcomes(new WatchOutcomesRequest { Client = "moderation-tool" }, cancellationToken: timeout.Token);
        var resumed = new List<OutcomeNotice>();
        while (resumed.Count < 3)
        {
            Assert.True(await again.ResponseStream.MoveNext(timeout.Token));
            resumed.Add(again.ResponseStream.Current);
        }

        Assert.Equal(seen.Skip(2).Select(n => (n.Sequence, n.WorkItem.Name)), resumed.Select(n => (n.Sequence, n.WorkItem.Name)));
    }

    [Fact]
    public async Task A_queue_of_100000_items_is_recovered_after_its_silo_restarts()
    {
        var total = int.Parse(Environment.GetEnvironmentVariable("SAFETY_BACKLOG_TEST_SIZE") ?? "100000", System.Globalization.CultureInfo.InvariantCulture);
        using var connection = Platform.Connect();
        var (team, queue) = await NewFloor(connection);
        var clock = Stopwatch.StartNew();
        var batches = Enumerable.Range(0, total / 500).Select(b =>
        {
            var batch = new BatchEnqueueWorkItemsRequest { Parent = queue.Name };
            // One P0 among them: it must come first after recovery.
            batch.Requests.AddRange(Enumerable.Range(0, 500).Select(i => Report(queue, $"bulk-{b}-{i}", b == total / 1000 && i == 250 ? Priority.P0 : Priority.P3)));
            return batch;
        }).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, ct) =>
        {
            // 500 items a call, four at a time, beside other test classes on two cores: allow more than the
            // client's default 30 s, and say what the platform was doing if even that runs out.
            BatchEnqueueWorkItemsResponse response;
            try
            {
                response = await connection.Work.BatchEnqueueWorkItemsAsync(batch, deadline: DateTime.UtcNow.AddMinutes(2), cancellationToken: ct);
            }
            catch (Grpc.Core.RpcException)
            {
                output.WriteLine(Platform.Diagnostics());
                throw;
            }

            Assert.All(response.Results, r => Assert.Equal(0, r.Code));
        });
        output.WriteLine($"enqueued {total} items in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(total, (await connection.Work.GetQueueAsync(new GetQueueRequest { Name = queue.Name })).Depth);

        await Platform.StopSilo();
        clock.Restart();
        await Platform.StartSiloAgain();
        Queue recovered;
        try
        {
            recovered = await connection.Work.GetQueueAsync(new GetQueueRequest { Name = queue.Name }, deadline: DateTime.UtcNow.AddMinutes(2));
        }
        catch (Grpc.Core.RpcException)
        {
            output.WriteLine(Platform.Diagnostics());
            throw;
        }

        output.WriteLine($"restarted and recovered the queue in {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine(string.Join("\n", Platform.Diagnostics().Split('\n').Where(l => l.Contains("recovered", StringComparison.Ordinal))));

        Assert.Equal(total, recovered.Depth);
        var aoife = await AvailableSpecialist(connection, team, "Aoife");
        var first = (await connection.Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = aoife.Name })).WorkItem;
        Assert.Equal(Priority.P0, first.Priority);
        Assert.Equal($"post-bulk-{total / 1000}-250", first.Content.ContentId);
    }
}
