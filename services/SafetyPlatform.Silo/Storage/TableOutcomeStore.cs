using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SafetyPlatform.Grains.Work;

namespace SafetyPlatform.Silo.Storage;

/// <summary>
/// Client outboxes in an Azure Table: one partition per client, notices written in pages (a row
/// holds as many notices, in sequence order, as fit in about 30,000 characters of JSON) keyed by
/// the last sequence they hold. Storage costs mostly per row, so a batch of outcomes costs about
/// one row instead of one each; and "every page keyed above N" is exactly every page holding a
/// notice after N.
/// </summary>
public sealed class TableOutcomeStore(TableServiceClient service) : IOutcomeStore
{
    public const string TableName = "Outcomes";

    private readonly CreatedTable _table = new(service, TableName);

    public async Task<IReadOnlyList<OutcomeNoticeRecord>> Load(string client, long afterSequence, CancellationToken cancellationToken = default)
    {
        var table = await _table.Get().ConfigureAwait(false);
        var notices = new List<OutcomeNoticeRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {client} and RowKey gt {RowKey(afterSequence)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: [JsonRows.DataProperty], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            notices.AddRange(JsonRows.ReadPage<OutcomeNoticeRecord>(row).Where(n => n.Sequence > afterSequence));
        }

        return notices;
    }

    public async Task Write(string client, IReadOnlyList<OutcomeNoticeRecord> notices, CancellationToken cancellationToken = default)
    {
        var table = await _table.Get().ConfigureAwait(false);
        var pages = JsonRows.Pages(notices.OrderBy(n => n.Sequence))
            .Select(page => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                JsonRows.PageRow(client, RowKey(page.Records[^1].Sequence), page.Json)));
        foreach (var chunk in pages.Chunk(JsonRows.TransactionSize))
        {
            await table.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task DeleteThrough(string client, long sequence, CancellationToken cancellationToken = default)
    {
        var table = await _table.Get().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {client} and RowKey le {RowKey(sequence)}");
        var done = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            done.Add(row.RowKey);
        }

        foreach (var chunk in done.Chunk(JsonRows.TransactionSize))
        {
            try
            {
                await table.SubmitTransactionAsync(
                    chunk.Select(rowKey => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(client, rowKey), ETag.All)),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                // Already gone, or storage is briefly away: pages wholly at or below the acknowledged sequence are never read.
            }
        }
    }

    private static string RowKey(long sequence) => sequence.ToString("D19", CultureInfo.InvariantCulture);
}
