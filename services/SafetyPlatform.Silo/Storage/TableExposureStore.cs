using Azure;
using Azure.Data.Tables;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;
using SafetyPlatform.Grains.Wellbeing;

namespace SafetyPlatform.Silo.Storage;

/// <summary>
/// Exposure ledgers in the Azure Table <c>Exposure</c> (docs/adr/0020): one partition per
/// specialist; a row per entry (`e{accepted ticks}_{queue}_{item}`), per wellness break
/// (`b{started ticks}`) and the row `shift`. Times are UTC ticks, exact to the tick of the items'
/// histories. A save is one entity-group transaction per 100 rows. The column names are the
/// stored format: never rename them.
/// </summary>
public sealed class TableExposureStore(TableServiceClient service) : IExposureStore
{
    public const string TableName = "Exposure";

    private const int MaxTransaction = 100;

    private readonly CreatedTable _table = new(service, TableName);

    public async Task<StoredExposure> Load(string specialistId, CancellationToken cancellationToken = default)
    {
        var table = await _table.Get().ConfigureAwait(false);
        var entries = new List<ExposureEntry>();
        var breaks = new List<WellnessBreak>();
        DateTimeOffset? shiftStart = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {specialistId}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey == ExposureRecord.ShiftKey)
            {
                shiftStart = At(row, "Started");
            }
            else if (row.RowKey.StartsWith('e'))
            {
                entries.Add(new ExposureEntry(
                    row.GetString("Item"),
                    (HarmCategory)row.GetInt32("Category")!.Value,
                    (HarmSeverity)row.GetInt32("Severity")!.Value,
                    At(row, "Started")!.Value,
                    At(row, "Finished"),
                    TimeSpan.FromTicks(row.GetInt64("Expected")!.Value)));
            }
            else if (row.RowKey.StartsWith('b'))
            {
                breaks.Add(new WellnessBreak(At(row, "Started")!.Value, At(row, "Ended")));
            }
        }

        return new StoredExposure(entries, breaks, shiftStart);
    }

    public async Task Save(string specialistId, IReadOnlyCollection<ExposureRecord> records, CancellationToken cancellationToken = default)
    {
        var table = await _table.Get().ConfigureAwait(false);
        foreach (var chunk in records.Chunk(MaxTransaction))
        {
            var actions = chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(specialistId, r)));
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task DeleteEndedBefore(string specialistId, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var table = await _table.Get().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {specialistId} and RowKey ne {ExposureRecord.ShiftKey}");
        var old = new List<TableTransactionAction>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Finished", "Ended"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if ((At(row, "Finished") ?? At(row, "Ended")) is { } end && end < before)
            {
                old.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(specialistId, row.RowKey), ETag.All));
            }
        }

        foreach (var chunk in old.Chunk(MaxTransaction))
        {
            await table.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TableEntity Row(string specialistId, ExposureRecord record)
    {
        var row = new TableEntity(specialistId, record.Key);
        if (record.Entry is { } entry)
        {
            row["Item"] = entry.ItemId;
            row["Category"] = (int)entry.Category;
            row["Severity"] = (int)entry.Severity;
            row["Started"] = entry.Started.UtcTicks;
            row["Expected"] = entry.Expected.Ticks;
            if (entry.Finished is { } finished)
            {
                row["Finished"] = finished.UtcTicks;
            }
        }
        else if (record.Break is { } wellnessBreak)
        {
            row["Started"] = wellnessBreak.Started.UtcTicks;
            if (wellnessBreak.Ended is { } ended)
            {
                row["Ended"] = ended.UtcTicks;
            }
        }
        else
        {
            row["Started"] = record.ShiftStart!.Value.UtcTicks;
        }

        return row;
    }

    private static DateTimeOffset? At(TableEntity row, string column) =>
        row.GetInt64(column) is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
}
