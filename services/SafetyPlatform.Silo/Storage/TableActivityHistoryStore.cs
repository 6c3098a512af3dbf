using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Silo.Storage;

/// <summary>
/// Activity history in an Azure Table: one partition per specialist, one row per
/// transition, the row key being the zero-padded sequence so rows sort in order.
/// </summary>
public sealed class TableActivityHistoryStore(TableServiceClient service) : IActivityHistoryStore
{
    public const string TableName = "SpecialistActivity";

    private readonly Lazy<Task<TableClient>> _table = new(async () =>
    {
        var table = service.GetTableClient(TableName);
        await table.CreateIfNotExistsAsync().ConfigureAwait(false);
        return table;
    });

    public async Task Write(string specialistId, ActivityTransitionRecord record, CancellationToken cancellationToken = default)
    {
        var table = await _table.Value.ConfigureAwait(false);
        var entity = new TableEntity(specialistId, RowKey(record.Sequence))
        {
            ["From"] = (int)record.From,
            ["To"] = (int)record.To,
            ["At"] = record.At,
            ["Actor"] = record.Actor,
            ["Reason"] = record.Reason,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ActivityTransitionRecord>> Read(
        string specialistId, long afterSequence, long upToSequence, int max, CancellationToken cancellationToken = default)
    {
        var records = new List<ActivityTransitionRecord>();
        if (upToSequence <= afterSequence || max <= 0)
        {
            return records;
        }

        var table = await _table.Value.ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {specialistId} and RowKey gt {RowKey(afterSequence)} and RowKey le {RowKey(upToSequence)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add(new ActivityTransitionRecord(
                long.Parse(row.RowKey, CultureInfo.InvariantCulture),
                (ActivityState)(row.GetInt32("From") ?? 0),
                (ActivityState)(row.GetInt32("To") ?? 0),
                row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                row.GetString("Actor") ?? string.Empty,
                row.GetString("Reason") ?? string.Empty));
            if (records.Count == max)
            {
                break;
            }
        }

        return records;
    }

    private static string RowKey(long sequence) => sequence.ToString("D19", CultureInfo.InvariantCulture);
}
