using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SafetyPlatform.Grains.Work;

namespace SafetyPlatform.Silo.Storage;

/// <summary>Client outboxes in an Azure Table: one partition per client, one row per notice.</summary>
public sealed class TableOutcomeStore(TableServiceClient service) : IOutcomeStore
{
    public const string TableName = "Outcomes";

    private readonly CreatedTable _table = new(service, TableName);

    public async Task<IReadOnlyList<OutcomeNoticeRecord>> Load(string client, long afterSequence, CancellationToken cancellationToken = default)
    {
        var table = await _table.Get().ConfigureAwait(false);
        var notices = new List<OutcomeNoticeRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {client} and RowKey gt {RowKey(afterSequence)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            notices.Add(JsonRows.Read<OutcomeNoticeRecord>(row));
        }

        return notices;
    }

    public async Task Write(string client, IReadOnlyList<OutcomeNoticeRecord> notices, CancellationToken cancellationToken = default)
    {
        var table = await _table.Get().ConfigureAwait(false);
        foreach (var chunk in notices.Chunk(JsonRows.TransactionSize))
        {
            await table.SubmitTransactionAsync(
                chunk.Select(n => new TableTransactionAction(TableTransactionActionType.UpsertReplace, JsonRows.Row(client, RowKey(n.Sequence), n))),
                cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task Delete(string client, IReadOnlyList<long> sequences, CancellationToken cancellationToken = default)
    {
        var table = await _table.Get().ConfigureAwait(false);
        foreach (var chunk in sequences.Chunk(JsonRows.TransactionSize))
        {
            try
            {
                await table.SubmitTransactionAsync(
                    chunk.Select(s => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(client, RowKey(s)), ETag.All)),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                // Already gone, or storage is briefly away: rows at or below the acknowledged sequence are never read.
            }
        }
    }

    private static string RowKey(long sequence) => sequence.ToString("D19", CultureInfo.InvariantCulture);
}
