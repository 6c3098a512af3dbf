using System.Text.Json;
using Azure.Data.Tables;
using SafetyPlatform.Grains.Work;

namespace SafetyPlatform.Silo.Storage;

/// <summary>
/// Work items in an Azure Table: one partition per queue, one row per item holding the item
/// as JSON. Writes go as entity-group transactions of up to 100 rows (the service's limit for
/// one partition), a few at a time, so that a busy queue writes thousands of items a second.
/// </summary>
public sealed class TableWorkItemStore(TableServiceClient service) : IWorkItemStore
{
    public const string TableName = "WorkItems";
    private const int TransactionSize = 100;
    private const int TransactionsInFlight = 2;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private readonly Lazy<Task<TableClient>> _table = new(async () =>
    {
        var table = service.GetTableClient(TableName);
        await table.CreateIfNotExistsAsync().ConfigureAwait(false);
        return table;
    });

    public async Task<IReadOnlyList<StoredWorkItem>> Load(string queueId, CancellationToken cancellationToken = default)
    {
        var table = await _table.Value.ConfigureAwait(false);
        var items = new List<StoredWorkItem>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {queueId}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["Data"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            items.Add(JsonSerializer.Deserialize<StoredWorkItem>(row.GetString("Data"), Json)
                ?? throw new InvalidDataException($"work item {row.RowKey} of queue {queueId} is empty"));
        }

        return items;
    }

    public async Task Write(string queueId, IReadOnlyList<StoredWorkItem> items, CancellationToken cancellationToken = default)
    {
        var table = await _table.Value.ConfigureAwait(false);
        var transactions = items
            .Select(item => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(queueId, item.ItemId) { ["Data"] = JsonSerializer.Serialize(item, Json) }))
            .Chunk(TransactionSize)
            .ToList();
        await Parallel.ForEachAsync(
            transactions,
            new ParallelOptions { MaxDegreeOfParallelism = TransactionsInFlight, CancellationToken = cancellationToken },
            async (actions, ct) => await table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }
}
