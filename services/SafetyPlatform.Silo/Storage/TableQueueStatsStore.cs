using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Grains.Monitoring;

namespace SafetyPlatform.Silo.Storage;

/// <summary>
/// Queues' closed intervals in an Azure Table: one partition per queue, one row per interval,
/// keyed by its length and start (`15-{start ticks}`), so "quarter hours from A to B" is one
/// range of row keys. The column names are the stored format: never rename them.
/// </summary>
public sealed class TableQueueStatsStore(TableServiceClient service) : IQueueStatsStore
{
    public const string TableName = "QueueStats";

    private readonly CreatedTable _table = new(service, TableName);

    public async Task Save(string queueId, IReadOnlyList<QueueIntervalStats> intervals, CancellationToken cancellationToken = default)
    {
        var table = await _table.Get().ConfigureAwait(false);
        foreach (var chunk in intervals.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(queueId, i))).Chunk(JsonRows.TransactionSize))
        {
            await table.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<QueueIntervalStats>> Read(string queueId, TimeSpan length, DateTimeOffset from, DateTimeOffset to, int take, CancellationToken cancellationToken = default)
    {
        var table = await _table.Get().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {queueId} and RowKey ge {RowKey(length, from)} and RowKey lt {RowKey(length, to)}");
        var found = new List<QueueIntervalStats>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(take, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            found.Add(Stats(row));
            if (found.Count == take)
            {
                break;
            }
        }

        return found;
    }

    public async Task DeleteBefore(string queueId, TimeSpan length, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var table = await _table.Get().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {queueId} and RowKey ge {RowKey(length, DateTimeOffset.MinValue)} and RowKey lt {RowKey(length, before)}");
        var old = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            old.Add(row.RowKey);
        }

        foreach (var chunk in old.Chunk(JsonRows.TransactionSize))
        {
            await table.SubmitTransactionAsync(
                chunk.Select(rowKey => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(queueId, rowKey), ETag.All)),
                cancellationToken).ConfigureAwait(false);
        }
    }

    private static string RowKey(TimeSpan length, DateTimeOffset start) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)length.TotalMinutes:D2}-{start.UtcTicks:D19}");

    private static TableEntity Row(string queueId, QueueIntervalStats i) => new TableEntity(queueId, RowKey(i.Interval.Length, i.Interval.Start))
    {
        ["Start"] = i.Interval.Start,
        ["LengthMinutes"] = (int)i.Interval.Length.TotalMinutes,
        ["Arrivals"] = i.Arrivals,
        ["Offers"] = i.Offers,
        ["Accepts"] = i.Accepts,
        ["Rejects"] = i.Rejects,
        ["Expiries"] = i.Expiries,
        ["Withdrawals"] = i.Withdrawals,
        ["Releases"] = i.Releases,
        ["Completions"] = i.Completions,
        ["Escalations"] = i.Escalations,
        ["Transfers"] = i.Transfers,
        ["CompletedWithinSla"] = i.CompletedWithinSla,
        ["SlaAttainment"] = i.SlaAttainment,
        ["AverageWaitToAcceptTicks"] = i.AverageWaitToAccept?.Ticks,
        ["P90WaitToAcceptTicks"] = i.P90WaitToAccept?.Ticks,
        ["AverageHandleTimeTicks"] = i.AverageHandleTime?.Ticks,
    }.WithQuality(i.Quality);

    private static QueueIntervalStats Stats(TableEntity row) => new(
        new StatsInterval(row.GetDateTimeOffset("Start")!.Value, TimeSpan.FromMinutes(row.GetInt32("LengthMinutes")!.Value)),
        Closed: true,
        row.GetInt32("Arrivals") ?? 0,
        row.GetInt32("Offers") ?? 0,
        row.GetInt32("Accepts") ?? 0,
        row.GetInt32("Rejects") ?? 0,
        row.GetInt32("Expiries") ?? 0,
        row.GetInt32("Withdrawals") ?? 0,
        row.GetInt32("Releases") ?? 0,
        row.GetInt32("Completions") ?? 0,
        row.GetInt32("Escalations") ?? 0,
        row.GetInt32("Transfers") ?? 0,
        row.GetInt32("CompletedWithinSla") ?? 0,
        row.GetDouble("SlaAttainment"),
        Ticks(row.GetInt64("AverageWaitToAcceptTicks")),
        Ticks(row.GetInt64("P90WaitToAcceptTicks")),
        Ticks(row.GetInt64("AverageHandleTimeTicks")),
        row.Quality());

    private static TimeSpan? Ticks(long? ticks) => ticks is { } t ? TimeSpan.FromTicks(t) : null;
}
