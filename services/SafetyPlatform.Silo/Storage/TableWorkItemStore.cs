using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using SafetyPlatform.Domain.Work;
using SafetyPlatform.Grains.Work;

namespace SafetyPlatform.Silo.Storage;

/// <summary>
/// Work items in Azure Tables: partitions `{queue}.{00000}`, `{queue}.{00001}`… of up to 2,000
/// items each (reading one partition costs time that grows faster than its size, and Azure's
/// per-partition throughput target is about 2,000 entities/s). Each queue's partitions go,
/// <see cref="WorkItemTables.PartitionsPerTable"/> at a time, into tables of their own
/// (<see cref="WorkItemTables"/>), so that no table grows with everything the platform has
/// ever handled.
/// <para>
/// Rows are written once and never updated: each write of a queue's changed items is a page, a
/// row with a random key holding the items as they now are, as a JSON array of up to ~30,000
/// characters (Azure caps a string property at 64 KiB). Storage costs mostly per row, so the
/// thirty items accepted in one write cost about what one does, where a row per item cost
/// thirty; an item's cycle (arrival, accept, complete) writes about a tenth of a row instead of
/// three. The price is that an item is stored once per write that changed it (three or four
/// copies over its life), and recovery reads them all and keeps the latest
/// (<see cref="Latest"/>); a table of 10,000 items thus holds some 40,000 copies, which bounds
/// it.
/// </para>
/// Writes go as entity-group transactions of up to 100 rows (the service's limit for one
/// partition), a few at a time, so that a busy queue writes thousands of items a second.
/// </summary>
public sealed class TableWorkItemStore(TableServiceClient service) : IWorkItemStore
{
    private const int TransactionsInFlight = 2;

    private readonly ConcurrentDictionary<string, CreatedTable> _tables = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<WorkItem>> Load(string queueId, int partitionCount, CancellationToken cancellationToken = default)
    {
        var copies = new List<WorkItem>();
        for (var partition = 0; partition < partitionCount; partition++)
        {
            var table = await Table(queueId, partition).ConfigureAwait(false);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(queueId, partition)}");
            await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: [JsonRows.DataProperty], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                copies.AddRange(JsonRows.ReadPage(row, WorkItemJson.Default.ListWorkItem));
            }
        }

        return Latest(copies);
    }

    /// <summary>
    /// Of several stored copies of an item, the latest: every change adds a numbered event to its
    /// history, except noting that an escalated item reached its target queue, which only ever
    /// turns <see cref="WorkItem.EscalationDelivered"/> on.
    /// </summary>
    public static IReadOnlyList<WorkItem> Latest(IEnumerable<WorkItem> copies)
    {
        var latest = new Dictionary<string, WorkItem>(StringComparer.Ordinal);
        foreach (var copy in copies)
        {
            if (!latest.TryGetValue(copy.ItemId, out var seen) || Later(copy, seen))
            {
                latest[copy.ItemId] = copy;
            }
        }

        return [.. latest.Values];
    }

    private static bool Later(WorkItem copy, WorkItem than) =>
        copy.LastEvent > than.LastEvent ||
        copy.LastEvent == than.LastEvent && copy.EscalationDelivered && !than.EscalationDelivered;

    private static string PartitionKey(string queueId, int partition) =>
        string.Create(CultureInfo.InvariantCulture, $"{queueId}.{partition:D5}");

    private Task<TableClient> Table(string queueId, int partition)
    {
        var name = WorkItemTables.Name(queueId, partition);
        return _tables.GetOrAdd(name, n => new CreatedTable(service, n)).Get();
    }

    public async Task Write(string queueId, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default)
    {
        // A transaction holds rows of one partition only. Pages have fresh keys, so they never overwrite anything.
        var transactions = items
            .GroupBy(item => item.Partition)
            .SelectMany(partition =>
            {
                var key = PartitionKey(queueId, partition.Key);
                return JsonRows.Pages(partition, WorkItemJson.Default.WorkItem)
                    .Select(page => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                        JsonRows.PageRow(key, Guid.NewGuid().ToString("N"), page.Json)))
                    .Chunk(JsonRows.TransactionSize)
                    .Select(actions => (partition.Key, actions));
            })
            .ToList();
        await Parallel.ForEachAsync(
            transactions,
            new ParallelOptions { MaxDegreeOfParallelism = TransactionsInFlight, CancellationToken = cancellationToken },
            async (transaction, ct) =>
            {
                var table = await Table(queueId, transaction.Key).ConfigureAwait(false);
                await table.SubmitTransactionAsync(transaction.actions, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }
}

/// <summary>
/// Which table holds a queue's item partition: `Items{queue hash}g{generation}`, one table per
/// <see cref="PartitionsPerTable"/> partitions of one queue (10,000 items by arrival).
/// Bounded tables keep the cost of a row write flat over a queue's life: in Azurite, updating
/// a row costs time that grows with the rows in its table (0.15 ms at 2,000 rows, 0.43 ms at
/// 150,000, docs/PERFORMANCE.md), while Azure itself scales by partition either way. They also
/// let a whole generation of finished items be archived or dropped as one table later.
/// </summary>
public static class WorkItemTables
{
    public const int PartitionsPerTable = 5;

    /// <summary>
    /// A table name is 3–63 letters and digits, starting with a letter; queue ids also carry
    /// hyphens and run to 63 characters, so the name carries a hash of the id instead.
    /// </summary>
    public static string Name(string queueId, int partition)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(queueId));
        return string.Create(CultureInfo.InvariantCulture,
            $"Items{Convert.ToHexStringLower(hash, 0, 8)}g{partition / PartitionsPerTable:D5}");
    }
}
