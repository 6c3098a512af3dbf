using Microsoft.Extensions.Logging;
using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Grains.Work;

/// <summary>
/// The items a queue is done with (completed, or escalated away). They are not kept in memory:
/// only the latest few (<see cref="RecentCapacity"/>), for the reads that follow a finish, the
/// partition ledger's hashes of every finished item's id and idempotency key, which say which
/// storage partition to read for one, and the day's tally per specialist (docs/adr/0008).
/// Lookups that need storage are asynchronous and resolved before the backlog is asked, so the
/// backlog's own lookups (<see cref="IFinishedItems"/>) stay synchronous and answer from memory.
/// It also closes the partitions whose items are all finished and handed over.
/// </summary>
internal sealed partial class FinishedItems(string queueId, IWorkItemStore store, ILogger logger) : IFinishedItems
{
    public const int RecentCapacity = 4096;

    private readonly PartitionLedger ledger = new();
    private bool _closing;

    /// <summary>Which partitions are closed, and the hashes that find a finished item in them.</summary>
    public PartitionLedger Ledger => ledger;

    /// <summary>Each specialist's finished work per day in this queue.</summary>
    public DailyWorkTally Tally { get; } = new();

    /// <summary>An item finished here: recent in memory, its hashes in the ledger, counted in the day's tally.</summary>
    public void Finished(WorkItem item)
    {
        Remember(item);
        ledger.Finished(item, wasOpen: true);
        Tally.Finished(item);
    }

    /// <summary>An escalated item reached its target queue.</summary>
    public void Delivered(WorkItem item)
    {
        ledger.Delivered(item);
        Remember(item);
    }

    /// <summary>
    /// After a restart: the closed partitions' digests and the finished items of the open ones,
    /// including finished copies superseded by a later life of the same item in a newer partition
    /// (escalated away, then back): their partition still holds them and their idempotency key.
    /// </summary>
    public void Recover(IEnumerable<PartitionDigest> closed, IEnumerable<WorkItem> finished, DateTimeOffset now)
    {
        foreach (var digest in closed)
        {
            ledger.Closed(digest);
            foreach (var totals in digest.Tally)
            {
                Tally.Add(totals);
            }
        }

        foreach (var item in finished)
        {
            ledger.Finished(item, wasOpen: false);
            Tally.Finished(item);
        }

        Tally.ForgetBefore(now.AddDays(-1));
    }

    /// <summary>
    /// Closes, one at a time in the background, the partitions older than <paramref name="newestPartition"/>
    /// whose items are all finished and handed over (through <paramref name="handedOverThrough"/>, as
    /// recorded): once every write so far is durable, their digest is stored, and recovery reads them no more.
    /// </summary>
    public void CloseDue(WorkItemJournal journal, int newestPartition, long handedOverThrough)
    {
        var closable = ledger.Closable(newestPartition, handedOverThrough);
        if (_closing || closable.Count == 0)
        {
            return;
        }

        _closing = true;
        Close().Ignore();

        async Task Close()
        {
            try
            {
                await journal.Flushed();
                foreach (var digest in closable)
                {
                    var generation = digest.Partition / store.PartitionsPerGeneration;
                    var generationClosed = Enumerable.Range(generation * store.PartitionsPerGeneration, store.PartitionsPerGeneration)
                        .All(p => p == digest.Partition || ledger.IsClosed(p));
                    await store.Close(queueId, digest, generationClosed);
                    ledger.Closed(digest);
                }
            }
            catch (Exception e)
            {
                LogCloseFailed(logger, queueId, e.Message);
            }
            finally
            {
                _closing = false;
            }
        }
    }

    private readonly Dictionary<string, WorkItem> _recent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _recentByRequest = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public WorkItem? ById(string itemId) => _recent.GetValueOrDefault(itemId);

    public WorkItem? ByRequest(string requestKey) => _recentByRequest.TryGetValue(requestKey, out var id) ? _recent.GetValueOrDefault(id) : null;

    /// <summary>Keeps a finished item among the recent ones (the oldest goes when they are too many).</summary>
    public void Remember(WorkItem item)
    {
        if (!_recent.ContainsKey(item.ItemId))
        {
            _order.Enqueue(item.ItemId);
        }

        _recent[item.ItemId] = item;
        if (!item.ArrivedByEscalation)
        {
            _recentByRequest[item.Submission.RequestKey] = item.ItemId;
        }
        while (_order.Count > RecentCapacity)
        {
            var old = _order.Dequeue();
            if (_recent.Remove(old, out var gone) && _recentByRequest.TryGetValue(gone.Submission.RequestKey, out var id) && id == old)
            {
                _recentByRequest.Remove(gone.Submission.RequestKey);
            }
        }
    }

    /// <summary>The finished item with this id, from memory or storage; null when no item of that id finished here.</summary>
    public async Task<WorkItem?> FindById(string itemId)
    {
        if (ById(itemId) is { } recent)
        {
            return recent;
        }

        WorkItem? found = null;
        foreach (var partition in ledger.PartitionsOfItem(itemId))
        {
            if ((await store.ReadFinished(queueId, partition)).FirstOrDefault(i => i.ItemId == itemId) is { } copy &&
                (found is null || copy.LastEvent > found.LastEvent))
            {
                found = copy;
            }
        }

        if (found is not null)
        {
            Remember(found);
        }

        return found;
    }

    /// <summary>Brings into memory the finished items these idempotency keys name, so that a repeated enqueue finds them.</summary>
    public async Task ResolveRequests(IEnumerable<string> requestKeys)
    {
        var byPartition = requestKeys
            .Where(key => ByRequest(key) is null)
            .SelectMany(key => ledger.PartitionsOfRequest(key).Select(partition => (Key: key, Partition: partition)))
            .GroupBy(k => k.Partition, k => k.Key)
            .ToList();
        foreach (var partition in byPartition)
        {
            var keys = partition.ToHashSet(StringComparer.Ordinal);
            foreach (var item in (await store.ReadFinished(queueId, partition.Key)).Where(i => !i.ArrivedByEscalation && keys.Contains(i.Submission.RequestKey)))
            {
                Remember(item);
            }
        }
    }

    /// <summary>The finished items of one partition: stored, and recent ones perhaps not yet written.</summary>
    public async Task<IReadOnlyList<WorkItem>> InPartition(int partition)
    {
        var items = (await store.ReadFinished(queueId, partition)).ToDictionary(i => i.ItemId, StringComparer.Ordinal);
        foreach (var recent in _recent.Values.Where(i => i.Partition == partition))
        {
            items[recent.ItemId] = recent;
        }

        return [.. items.Values];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {QueueId}: closing a partition failed, will retry: {Reason}")]
    private static partial void LogCloseFailed(ILogger logger, string queueId, string reason);
}
