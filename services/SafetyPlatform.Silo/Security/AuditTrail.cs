using System.Threading.Channels;
using Azure.Data.Tables;
using SafetyPlatform.Domain.Security;
using SafetyPlatform.Silo.Storage;

namespace SafetyPlatform.Silo.Security;

/// <summary>
/// This silo's audit chain: entries wait in a channel and one writer appends them in order, up to
/// 99 at a time with the chain's head in the same table transaction (one partition per chain),
/// so an entry is durable, linked and counted by the head at once. <see cref="Record"/> completes
/// only when its entry is stored: the caller has no answer before its audit entry exists.
/// Each silo process writes a chain of its own, so no two writers ever extend one chain.
/// </summary>
public sealed partial class AuditTrail : IHostedService
{
    public const string TableName = "AuditLog";
    public const string HeadRow = "head";
    private const int EntriesPerTransaction = 99;

    private readonly CreatedTable _table;
    private readonly TimeProvider _time;
    private readonly ILogger<AuditTrail> _logger;
    private readonly Channel<PendingEntry> _pending = Channel.CreateUnbounded<PendingEntry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> _writer;
    private AuditChainHead? _head = AuditChainHead.Start;

    public AuditTrail(TableServiceClient tables, TimeProvider time, ILogger<AuditTrail> logger)
    {
        _table = new CreatedTable(tables, TableName);
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
        // Milliseconds: what every table store keeps exactly, so the hash can be checked after a read.
        var now = _time.GetUtcNow();
        var entry = new PendingEntry(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond)), caller, method, resource, result);
        return _pending.Writer.TryWrite(entry) ? entry.Stored.Task : Task.FromException(new InvalidOperationException("the audit trail is closed: the silo is stopping"));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _pending.Writer.TryComplete();
        if (_writer.IsValueCreated)
        {
            await _writer.Value.WaitAsync(cancellationToken);
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
                var records = new List<AuditRecord>(batch.Count);
                foreach (var pending in batch)
                {
                    var record = AuditChain.Append(Chain, head, pending.Time, pending.Caller, pending.Method, pending.Resource, pending.Result);
                    records.Add(record);
                    head = AuditChainHead.Of(record);
                }

                await table.SubmitTransactionAsync(
                    [.. records.Select(r => new TableTransactionAction(TableTransactionActionType.Add, ToRow(r))),
                        new TableTransactionAction(TableTransactionActionType.UpsertReplace, HeadRowOf(Chain, head))]);
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

    public static TableEntity ToRow(AuditRecord record) => new(record.Chain, SequenceKey(record.Sequence))
    {
        ["Time"] = record.Time,
        ["Caller"] = record.Caller,
        ["Method"] = record.Method,
        ["Resource"] = record.Resource,
        ["Result"] = record.Result,
        ["PreviousHash"] = record.PreviousHash,
        ["Hash"] = record.Hash,
    };

    public static AuditRecord FromRow(TableEntity row) => new(
        row.PartitionKey,
        long.Parse(row.RowKey, System.Globalization.CultureInfo.InvariantCulture),
        row.GetDateTimeOffset("Time") ?? DateTimeOffset.MinValue,
        row.GetString("Caller") ?? string.Empty,
        row.GetString("Method") ?? string.Empty,
        row.GetString("Resource") ?? string.Empty,
        row.GetString("Result") ?? string.Empty,
        row.GetString("PreviousHash") ?? string.Empty,
        row.GetString("Hash") ?? string.Empty);

    /// <summary>Row keys sort in sequence order.</summary>
    public static string SequenceKey(long sequence) => sequence.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);

    public static TableEntity HeadRowOf(string chain, AuditChainHead head) => new(chain, HeadRow)
    {
        ["Sequence"] = head.Sequence,
        ["Hash"] = head.Hash,
    };

    public static AuditChainHead HeadFrom(TableEntity row) => new(row.GetInt64("Sequence") ?? 0, row.GetString("Hash") ?? AuditChain.Genesis);

    private async Task<AuditChainHead> StoredHead(TableClient table)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Chain, HeadRow);
        return row.HasValue ? HeadFrom(row.Value!) : AuditChainHead.Start;
    }

    private sealed record PendingEntry(DateTimeOffset Time, string Caller, string Method, string Resource, string Result)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} audit entries could not be stored: {Detail}")]
    private static partial void LogNotStored(ILogger logger, int count, string detail);
}
