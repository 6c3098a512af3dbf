using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace SafetyPlatform.Silo.Storage;

/// <summary>
/// Writes rows to a table's partitions by group commit, shared by every caller in the silo: rows
/// given while a partition's write is in flight go together in its next one (a row given twice
/// goes once, as last given), in entity-group transactions of up to <see cref="MaxTransaction"/>,
/// and each caller's task completes when the write holding its rows is durable (or fails with
/// it). One write per partition at a time, so a later copy of a row never lands before an earlier one.
/// </summary>
public sealed class TableGroupCommit(CreatedTable table)
{
    /// <summary>The service's limit on one transaction.</summary>
    public const int MaxTransaction = 100;

    private readonly ConcurrentDictionary<string, Partition> _partitions = new(StringComparer.Ordinal);

    public Task Write(string partitionKey, IEnumerable<TableEntity> rows)
    {
        var given = rows.ToList();
        if (given.Count == 0)
        {
            return Task.CompletedTask;
        }

        var partition = _partitions.GetOrAdd(partitionKey, _ => new Partition());
        lock (partition)
        {
            foreach (var row in given)
            {
                partition.Pending[row.RowKey] = row;
            }

            var durable = partition.Next.Task;
            if (!partition.Writing)
            {
                partition.Writing = true;
                _ = Task.Run(() => Drain(partition));
            }

            return durable;
        }
    }

    private async Task Drain(Partition partition)
    {
        while (true)
        {
            List<TableEntity> rows;
            TaskCompletionSource done;
            lock (partition)
            {
                if (partition.Pending.Count == 0)
                {
                    partition.Writing = false;
                    return;
                }

                rows = [.. partition.Pending.Values];
                partition.Pending.Clear();
                done = partition.Next;
                partition.Next = NewBatch();
            }

            try
            {
                var client = await table.Get().ConfigureAwait(false);
                foreach (var chunk in rows.Chunk(MaxTransaction))
                {
                    await client.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r))).ConfigureAwait(false);
                }

                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }
    }

    private static TaskCompletionSource NewBatch() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Partition
    {
        public Dictionary<string, TableEntity> Pending { get; } = new(StringComparer.Ordinal);

        public TaskCompletionSource Next { get; set; } = NewBatch();

        public bool Writing { get; set; }
    }
}
