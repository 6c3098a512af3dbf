using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;
using SafetyPlatform.Grains.Wellbeing;

namespace SafetyPlatform.Silo.Storage;

/// <summary>
/// Exposure ledgers in the Azure Table <c>Exposure</c> (docs/adr/0021). Specialists share
/// <see cref="Partitions"/> partitions (`p00`…, by a stable hash of the id), so that the rows of
/// many specialists written at once go in one entity-group transaction of up to 100 rows
/// (<see cref="TableGroupCommit"/>); a specialist's rows are one range of their partition:
/// `{specialist}_e{accepted ticks}_{queue}_{item}` per entry (<see cref="ExposureRecord"/>),
/// `{specialist}_b{started ticks}` per wellness break and `{specialist}_shift`. Times are UTC ticks, exact to the tick of the items'
/// histories. The column names are the stored format: never rename them.
/// </summary>
public sealed class TableExposureStore : IExposureStore
{
    public const string TableName = "Exposure";

    /// <summary>
    /// Few, so that rows written at once share transactions (on Azurite each row costs more apart
    /// than together); Azure serves a partition up to about 2,000 rows a second.
    /// </summary>
    public const int Partitions = 2;

    private readonly CreatedTable _table;
    private readonly TableGroupCommit _batches;

    public TableExposureStore(TableServiceClient service)
    {
        _table = new CreatedTable(service, TableName);
        _batches = new TableGroupCommit(_table);
    }

    public async Task<StoredExposure> Load(string specialistId, CancellationToken cancellationToken = default)
    {
        var table = await _table.Get().ConfigureAwait(false);
        var records = new List<ExposureRecord>();
        await foreach (var row in table.QueryAsync<TableEntity>(RangeOf(specialistId), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var key = row.RowKey[(specialistId.Length + 1)..];
            records.Add(key switch
            {
                ExposureRecord.ShiftKey => new ExposureRecord(key, null, null, At(row, "Started"), row.GetInt32("LastState") is { } state ? (ActivityState)state : null),
                _ when key[0] == 'e' => ExposureRecord.Of(new ExposureEntry(
                    row.GetString("Item"),
                    (HarmCategory)row.GetInt32("Category")!.Value,
                    (HarmSeverity)row.GetInt32("Severity")!.Value,
                    At(row, "Started")!.Value,
                    At(row, "Finished"),
                    TimeSpan.FromTicks(row.GetInt64("Expected")!.Value))),
                _ => ExposureRecord.Of(new WellnessBreak(At(row, "Started")!.Value, At(row, "Ended"))),
            });
        }

        return StoredExposure.Of(records);
    }

    public Task Save(string specialistId, IReadOnlyCollection<ExposureRecord> records, CancellationToken cancellationToken = default) =>
        _batches.Write(PartitionOf(specialistId), records.Select(r => Row(specialistId, r)));

    public async Task DeleteEndedBefore(string specialistId, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var table = await _table.Get().ConfigureAwait(false);
        var old = new List<TableTransactionAction>();
        await foreach (var row in table.QueryAsync<TableEntity>(RangeOf(specialistId), select: ["PartitionKey", "RowKey", "Finished", "Ended"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if ((At(row, "Finished") ?? At(row, "Ended")) is { } end && end < before)
            {
                old.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(row.PartitionKey, row.RowKey), ETag.All));
            }
        }

        foreach (var chunk in old.Chunk(TableGroupCommit.MaxTransaction))
        {
            await table.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string PartitionOf(string specialistId) =>
        "p" + ((Domain.Work.StableHash.Of(specialistId) & long.MaxValue) % Partitions).ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>The specialist's rows: ids hold no `_`, and `` ` `` is the character after it.</summary>
    private static string RangeOf(string specialistId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(specialistId)} and RowKey gt {specialistId + "_"} and RowKey lt {specialistId + "`"}");

    private static TableEntity Row(string specialistId, ExposureRecord record)
    {
        var row = new TableEntity(PartitionOf(specialistId), $"{specialistId}_{record.Key}");
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
            if (record.ShiftStart is { } start)
            {
                row["Started"] = start.UtcTicks;
            }

            if (record.LastState is { } state)
            {
                row["LastState"] = (int)state;
            }
        }

        return row;
    }

    private static DateTimeOffset? At(TableEntity row, string column) =>
        row.GetInt64(column) is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
}
