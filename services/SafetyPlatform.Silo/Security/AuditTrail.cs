using System.Threading.Channels;
using Azure.Data.Tables;
using SafetyPlatform.Domain.Security;
using SafetyPlatform.Silo.Storage;

namespace SafetyPlatform.Silo.Security;

/// <summary>
/// This silo's audit chain: entries wait in a channel and one writer appends them in order, all
/// that waited (up to 1000) in one table transaction of blocks and the chain's head (one partition
/// per chain), so an entry is durable, linked and counted by the head at once. <see cref="Record"/> completes
/// only when its entry is stored: the caller has no answer before its audit entry exists.
/// Each silo process writes a chain of its own, so no two writers ever extend one chain.
/// </summary>
public sealed partial class AuditTrail : IHostedService
{
    /// <summary>Entries written in one transaction, in blocks (<see cref="AuditTable"/>); a transaction takes up to 100 rows.</summary>
    private const int EntriesPerTransaction = 1000;

    private readonly CreatedTable _table;
    private readonly TimeProvider _time;
    private readonly ILogger<AuditTrail> _logger;
    private readonly Channel<PendingEntry> _pending = Channel.CreateUnbounded<PendingEntry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> _writer;
    private AuditChainHead? _head = AuditChainHead.Start;

    private readonly byte[]? _key;

    public AuditTrail(TableServiceClient tables, AuditKey key, TimeProvider time, ILogger<AuditTrail> logger)
    {
        _key = key.Bytes;
        _table = new CreatedTable(tables, AuditTable.Name);
        _time = time;
        _logger = logger;
        // Chains sort by when their silo started; the random part keeps two silos started together apart.
        Chain = $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}"[..24];
        _writer = new Lazy<Task>(WriteAll);
    }

    /// <summary>This silo's chain: the partition its entries are written to.</summary>
    public string Chain { get; }

    /// <summary>Appends an entry; completes once it is stored (or fails if it could not be).</summary>
    public Task Record(string caller, string method, string resource, string result)
    {
        _ = _writer.Value;
        var entry = new PendingEntry(caller, method, resource, result);
        return _pending.Writer.TryWrite(entry) ? entry.Stored.Task : Task.FromException(new InvalidOperationException("the audit trail is closed: the silo is stopping"));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _pending.Writer.TryComplete();
        if (!_writer.IsValueCreated)
        {
            return;
        }

        try
        {
            await _writer.Value.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Out of time to store them: the calls still waiting fail (UNAVAILABLE) rather than hang.
            while (_pending.Reader.TryRead(out var left))
            {
                left.Stored.TrySetException(new InvalidOperationException("the silo stopped before the audit entry was stored"));
            }
        }
    }

    private async Task WriteAll()
    {
        await Task.Yield();
        var reader = _pending.Reader;
        var batch = new List<PendingEntry>(EntriesPerTransaction);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < EntriesPerTransaction && reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            try
            {
                var table = await _table.Get();
                var head = _head ?? await StoredHead(table);
                // Stamped here, in sequence order, to the millisecond (what every table store keeps exactly, so the hash checks after a read).
                var now = _time.GetUtcNow();
                now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
                var records = new List<AuditRecord>(batch.Count);
                foreach (var pending in batch)
                {
                    var record = AuditChain.Append(Chain, head, now, pending.Caller, pending.Method, pending.Resource, pending.Result, _key);
                    records.Add(record);
                    head = AuditChainHead.Of(record);
                }

                await table.SubmitTransactionAsync(
                    [.. Blocks(records).Select(block => new TableTransactionAction(TableTransactionActionType.Add, AuditTable.BlockRow(block))),
                        new TableTransactionAction(TableTransactionActionType.UpsertReplace, AuditTable.HeadRowOf(Chain, head))]);
                _head = head;
                batch.ForEach(p => p.Stored.TrySetResult());
            }
            catch (Exception e)
            {
                // The calls fail (UNAVAILABLE, to be retried). A transaction that timed out may still
                // have been stored, so the next batch starts from the head as stored, never from a guess.
                _head = null;
                LogNotStored(_logger, batch.Count, e.Message);
                batch.ForEach(p => p.Stored.TrySetException(e));
            }
        }
    }

    /// <summary>Consecutive entries cut into blocks that each fit a row.</summary>
    private static IEnumerable<List<AuditRecord>> Blocks(List<AuditRecord> records)
    {
        var block = new List<AuditRecord>();
        var size = 0;
        foreach (var record in records)
        {
            if (block.Count > 0 && size + AuditTable.SizeOf(record) > AuditTable.MaxBlockCharacters)
            {
                yield return block;
                (block, size) = ([], 0);
            }

            block.Add(record);
            size += AuditTable.SizeOf(record);
        }

        if (block.Count > 0)
        {
            yield return block;
        }
    }

    private async Task<AuditChainHead> StoredHead(TableClient table)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Chain, AuditTable.HeadRow);
        return row.HasValue ? AuditTable.HeadFrom(row.Value!) : AuditChainHead.Start;
    }

    private sealed record PendingEntry(string Caller, string Method, string Resource, string Result)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} audit entries could not be stored: {Detail}")]
    private static partial void LogNotStored(ILogger logger, int count, string detail);
}
