using System.Collections.Concurrent;
using Azure.Data.Tables;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Work.V1;
using SafetyPlatform.Client;
using Xunit.Abstractions;
using static SafetyPlatform.Api.Tests.WorkEndToEndTests;

namespace SafetyPlatform.Api.Tests;

/// <summary>
/// Finished items leave the queue's memory: with real table storage, a partition of 2,000
/// items that are all finished closes (its digest row is written), and after a silo restart
/// its items are still read, listed and recognised by their request ids.
/// </summary>
public sealed class FinishedItemsEndToEndTests(ITestOutputHelper output) : OwnPlatform(inMemoryStorage: true)
{
    [Fact]
    public async Task A_closed_partition_s_items_are_read_listed_and_recognised_after_a_restart()
    {
        using var connection = Platform.Connect();
        var (team, queue) = await NewFloor(connection);
        var requests = new List<EnqueueWorkItemRequest>();
        for (var b = 0; b < 5; b++)
        {
            // 2,500 items: the first 2,000 fill partition 0, the rest go to partition 1 (the newest, which stays open).
            var batch = new BatchEnqueueWorkItemsRequest { Parent = queue.Name };
            batch.Requests.AddRange(Enumerable.Range(0, 500).Select(_ => Report(queue, RequestIds.New())));
            requests.AddRange(batch.Requests);
            var response = await connection.Work.BatchEnqueueWorkItemsAsync(batch);
            Assert.All(response.Results, r => Assert.Equal(0, r.Code));
        }

        var specialists = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => AvailableSpecialist(connection, team, $"Specialist {i}", maxItems: 2)));
        var completed = new ConcurrentBag<string>();
        await Task.WhenAll(specialists.Select(async s =>
        {
            while ((await connection.Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = s.Name })).WorkItem is { } offer)
            {
                await connection.Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = offer.Name, Specialist = s.Name });
                await connection.Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = offer.Name, Specialist = s.Name, Outcome = new Outcome { Decision = "remove" } });
                completed.Add(offer.Name);
            }
        }));
        Assert.Equal(2_500, completed.Distinct().Count());

        var digests = new TableServiceClient(Platform.StorageConnectionString).GetTableClient("WorkItemPartitionDigests");
        var queueId = queue.Name["queues/".Length..];
        await Loopback.WaitUntil(async () => await CountRows(digests, queueId) == 1, TimeSpan.FromSeconds(60),
            () => "partition 0 did not close (no digest row)\n" + Platform.Diagnostics());

        await Platform.StopSilo();
        await Platform.StartSiloAgain();
        output.WriteLine(string.Join("\n", Platform.Diagnostics().Split('\n').Where(l => l.Contains("recovered", StringComparison.Ordinal))));

        var first = await connection.Work.GetWorkItemAsync(new GetWorkItemRequest { Name = completed.Order(StringComparer.Ordinal).First() }, deadline: DateTime.UtcNow.AddMinutes(2));
        Assert.Equal(WorkItemStatus.Completed, first.Status);
        Assert.Equal(["enqueued", "offered", "accepted", "completed"], first.History.Select(e => e.Action));
        var again = await connection.Work.EnqueueWorkItemAsync(requests[0]);
        Assert.Equal(WorkItemStatus.Completed, again.Status);
        Assert.Contains(again.Name, completed);

        var listed = new List<WorkItem>();
        var token = string.Empty;
        do
        {
            var page = await connection.Work.ListWorkItemsAsync(new ListWorkItemsRequest { Parent = queue.Name, Status = WorkItemStatus.Completed, PageSize = 1000, PageToken = token });
            listed.AddRange(page.WorkItems);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(completed.Order(StringComparer.Ordinal), listed.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await connection.Work.GetQueueAsync(new GetQueueRequest { Name = queue.Name })).Depth);
    }

    private static async Task<int> CountRows(TableClient table, string queueId)
    {
        var rows = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {queueId}"), select: ["RowKey"]))
        {
            rows++;
        }

        return rows;
    }
}
