using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Azure.Data.Tables;
using SafetyPlatform.Domain.Work;
using SafetyPlatform.Grains.Work;

namespace SafetyPlatform.Silo.Storage;

/// <summary>
/// Work items in Azure Tables (docs/adr/0003, 0008). Each queue's items go by arrival into
/// partitions `{queue}.{00000}`, `{queue}.{00001}`… of up to 2,000 items, five partitions to a
/// table generation (<see cref="WorkItemTables"/>), so no table grows with everything the
/// platform ever handled.
/// <para>
/// Rows are written once and never updated: each write of a queue's changed items is a page, a
/// row with a random key holding the items as they now are, as a JSON array of up to ~30,000
/// characters (<see cref="WorkItemJson"/> is the format). Open items go to the partition's
/// journal table, finished ones to its archive table. Recovery keeps each item's latest copy
/// (<see cref="Latest"/>). A closed partition (all finished, outcomes handed over) gets a digest
/// row in <see cref="WorkItemTables.Digests"/> and is not read at recovery; once a whole
/// generation is closed its journal table, holding only superseded copies, is dropped.
/// </para>
/// Writes go as entity-group transactions of up to 100 rows (the service's limit for one
/// partition), a few at a time, so that a busy queue writes thousands of items a second.
/// </summary>
public sealed class TableWorkItemStore(TableServiceClient service) : IWorkItemStore
{
    private const int TransactionsInFlight = 2;

    private readonly ConcurrentDictionary<string, CreatedTable> _tables = new(StringComparer.Ordinal);

    public int PartitionSize => 2000;

    public int PartitionsPerGeneration => WorkItemTables.PartitionsPerTable;

    public async Task<QueueRecovery> Load(string queueId, int partitionCount, CancellationToken cancellationToken = default)
    {
        var closed = await Digests(queueId, cancellationToken).ConfigureAwait(false);
        var closedPartitions = closed.Select(d => d.Partition).ToHashSet();
        var journal = new List<WorkItem>();
        var archive = new List<WorkItem>();
        for (var partition = 0; partition < partitionCount; partition++)
        {
            if (closedPartitions.Contains(partition))
            {
                continue;
            }

            journal.AddRange(await ReadPages(WorkItemTables.Journal(queueId, partition), queueId, partition, cancellationToken).ConfigureAwait(false));
            archive.AddRange(await ReadPages(WorkItemTables.Archive(queueId, partition), queueId, partition, cancellationToken).ConfigureAwait(false));
        }

        var latest = Latest(journal.Concat(archive));
        var archived = Latest(archive).ToDictionary(i => i.ItemId, i => i.LastEvent, StringComparer.Ordinal);
        var finishedInJournal = latest.Where(i => WorkItemLifecycle.IsFinished(i.Status) &&
            !(archived.TryGetValue(i.ItemId, out var inArchive) && inArchive >= i.LastEvent)).ToList();
        var current = latest.ToDictionary(i => i.ItemId, StringComparer.Ordinal);
        var superseded = archive.GroupBy(i => i.Partition).SelectMany(p => Latest(p))
            .Where(i => current[i.ItemId].Partition != i.Partition).ToList();
        return new QueueRecovery(latest, closed, finishedInJournal, superseded);
    }

    public async Task<IReadOnlyList<WorkItem>> ReadFinished(string queueId, int partition, CancellationToken cancellationToken = default) =>
        Latest(await ReadPages(WorkItemTables.Archive(queueId, partition), queueId, partition, cancellationToken).ConfigureAwait(false));

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

    public async Task Write(string queueId, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default)
    {
        // A transaction holds rows of one partition of one table. Pages have fresh keys, so they never overwrite anything.
        var transactions = items
            .GroupBy(item => (item.Partition, Finished: WorkItemLifecycle.IsFinished(item.Status)))
            .SelectMany(group =>
            {
                var table = group.Key.Finished ? WorkItemTables.Archive(queueId, group.Key.Partition) : WorkItemTables.Journal(queueId, group.Key.Partition);
                var key = PartitionKey(queueId, group.Key.Partition);
                return JsonRows.Pages(group, WorkItemJson.Default.WorkItem)
                    .Select(page => new TableTransactionAction(TableTransactionActionType.UpsertReplace, JsonRows.PageRow(key, Guid.NewGuid().ToString("N"), page.Json)))
                    .Chunk(JsonRows.TransactionSize)
                    .Select(actions => (table, actions));
            })
            .ToList();
        await Parallel.ForEachAsync(
            transactions,
            new ParallelOptions { MaxDegreeOfParallelism = TransactionsInFlight, CancellationToken = cancellationToken },
            async (transaction, ct) =>
            {
                var table = await Table(transaction.table).ConfigureAwait(false);
                await table.SubmitTransactionAsync(transaction.actions, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    public async Task Close(string queueId, PartitionDigest digest, bool generationClosed, CancellationToken cancellationToken = default)
    {
        var row = new TableEntity(queueId, digest.Partition.ToString("D5", CultureInfo.InvariantCulture))
        {
            ["ItemIds"] = MemoryMarshal.AsBytes(digest.ItemIds.AsSpan()).ToArray(),
            ["RequestKeys"] = MemoryMarshal.AsBytes(digest.RequestKeys.AsSpan()).ToArray(),
            ["Tally"] = JsonSerializer.Serialize([.. digest.Tally], WorkItemJson.Default.ListDailyWorkTotals),
        };
        var digests = await Table(WorkItemTables.Digests).ConfigureAwait(false);
        await digests.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        if (generationClosed)
        {
            // Every copy in it is superseded by the archive; recovery no longer reads it. A failed drop only leaves garbage.
            var journal = WorkItemTables.Journal(queueId, digest.Partition);
            await service.DeleteTableAsync(journal, cancellationToken).ConfigureAwait(false);
            _tables.TryRemove(journal, out _);
        }
    }

    private async Task<IReadOnlyList<PartitionDigest>> Digests(string queueId, CancellationToken cancellationToken)
    {
        var table = await Table(WorkItemTables.Digests).ConfigureAwait(false);
        var digests = new List<PartitionDigest>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {queueId}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            digests.Add(new PartitionDigest(
                int.Parse(row.RowKey, CultureInfo.InvariantCulture),
                MemoryMarshal.Cast<byte, long>(row.GetBinary("ItemIds")).ToArray(),
                MemoryMarshal.Cast<byte, long>(row.GetBinary("RequestKeys")).ToArray(),
                JsonSerializer.Deserialize(row.GetString("Tally"), WorkItemJson.Default.ListDailyWorkTotals) ?? []));
        }

        return digests;
    }

    private async Task<IReadOnlyList<WorkItem>> ReadPages(string tableName, string queueId, int partition, CancellationToken cancellationToken)
    {
        var table = await Table(tableName).ConfigureAwait(false);
        var copies = new List<WorkItem>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(queueId, partition)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: [JsonRows.DataProperty], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            copies.AddRange(JsonRows.ReadPage(row, WorkItemJson.Default.ListWorkItem));
        }

        return copies;
    }

    private static string PartitionKey(string queueId, int partition) =>
        string.Create(CultureInfo.InvariantCulture, $"{queueId}.{partition:D5}");

    private Task<TableClient> Table(string name) => _tables.GetOrAdd(name, n => new CreatedTable(service, n)).Get();
}
