namespace SafetyPlatform.Domain.Work;

/// <summary>
/// Which of a queue's storage partitions still matter to recovery, and what it takes to find a
/// finished item in the ones that do not. Items go to partitions by arrival and never move, so
/// a partition that is not the newest and whose items are all finished stays so for good: once
/// its outcomes are handed over and its escalations delivered, it can be closed. A closed
/// partition is never read again at recovery; its finished items are found through the hashes
/// of their ids and idempotency keys kept here (8 bytes each per item, not the item).
/// </summary>
public sealed class PartitionLedger
{
    private readonly Dictionary<int, OpenPartition> _open = [];
    private readonly Dictionary<int, PartitionDigest> _closed = [];
    // Idempotency keys of every finished item, to the partition holding it: asked on every enqueue.
    private readonly Dictionary<long, int> _requests = [];
    // The rare hashes shared by keys in several partitions (a collision, or an item finished twice here).
    private readonly Dictionary<long, HashSet<int>> _requestsInSeveral = [];

    /// <summary>Partitions closed so far.</summary>
    public int ClosedCount => _closed.Count;

    /// <summary>Whether the partition is closed (its items are found through their hashes, not read at recovery).</summary>
    public bool IsClosed(int partition) => _closed.ContainsKey(partition);

    /// <summary>An open item placed in (or read back into) <paramref name="partition"/>.</summary>
    public void Opened(int partition) => Open(partition).OpenItems++;

    /// <summary>An item of the partition finished (completed or escalated away), or was read back finished.</summary>
    public void Finished(WorkItem item, bool wasOpen)
    {
        var partition = Open(item.Partition);
        if (wasOpen)
        {
            partition.OpenItems--;
        }

        partition.ItemIds.Add(StableHash.Of(item.ItemId));
        if (!item.ArrivedByEscalation)
        {
            var request = StableHash.Of(item.Submission.RequestKey);
            partition.RequestKeys.Add(request);
            IndexRequest(request, item.Partition);
        }
        partition.Tally.Finished(item);
        if (item.Status == WorkItemStatus.Completed)
        {
            partition.LastCompletion = Math.Max(partition.LastCompletion, item.CompletionSequence);
        }
        else if (item.Status == WorkItemStatus.Escalated && !item.EscalationDelivered)
        {
            partition.Undelivered.Add(item.ItemId);
        }
    }

    /// <summary>An escalated item of the partition reached its target queue.</summary>
    public void Delivered(WorkItem item)
    {
        if (_open.TryGetValue(item.Partition, out var partition))
        {
            partition.Undelivered.Remove(item.ItemId);
        }
    }

    /// <summary>
    /// The partitions that may close now: older than <paramref name="newestPartition"/>, with no
    /// open item, no escalation undelivered, and every outcome handed over (completion sequence
    /// at or below <paramref name="handedOverThrough"/>).
    /// </summary>
    public IReadOnlyList<PartitionDigest> Closable(int newestPartition, long handedOverThrough) =>
        [.. _open.Where(p => p.Key < newestPartition && p.Value.OpenItems == 0 && p.Value.Undelivered.Count == 0 && p.Value.LastCompletion <= handedOverThrough)
            .OrderBy(p => p.Key)
            .Select(p => new PartitionDigest(p.Key, Sorted(p.Value.ItemIds), Sorted(p.Value.RequestKeys), p.Value.Tally.Totals()))];

    /// <summary>The partition is closed in storage: keep only its digest.</summary>
    public void Closed(PartitionDigest digest)
    {
        _open.Remove(digest.Partition);
        _closed[digest.Partition] = digest;
        foreach (var request in digest.RequestKeys)
        {
            IndexRequest(request, digest.Partition);
        }
    }

    /// <summary>The partitions that may hold a finished item with this idempotency key (usually none or one).</summary>
    public IReadOnlyList<int> PartitionsOfRequest(string requestKey)
    {
        var hash = StableHash.Of(requestKey);
        return _requestsInSeveral.TryGetValue(hash, out var several) ? [.. several.Order()]
            : _requests.TryGetValue(hash, out var partition) ? [partition] : [];
    }

    private void IndexRequest(long hash, int partition)
    {
        if (_requestsInSeveral.TryGetValue(hash, out var several))
        {
            several.Add(partition);
        }
        else if (_requests.TryGetValue(hash, out var known) && known != partition)
        {
            _requestsInSeveral[hash] = [known, partition];
        }
        else
        {
            _requests[hash] = partition;
        }
    }

    /// <summary>The partitions that may hold a finished item with this id (usually one; none when it never finished here).</summary>
    public IReadOnlyList<int> PartitionsOfItem(string itemId)
    {
        var hash = StableHash.Of(itemId);
        return [.. _open.Where(p => p.Value.ItemIds.Contains(hash)).Select(p => p.Key)
            .Concat(_closed.Values.Where(d => Array.BinarySearch(d.ItemIds, hash) >= 0).Select(d => d.Partition))
            .Order()];
    }

    /// <summary>Whether any finished item lives in the partition (so a listing must read it).</summary>
    public bool HasFinished(int partition) =>
        _closed.TryGetValue(partition, out var digest) ? digest.ItemIds.Length > 0 : _open.TryGetValue(partition, out var open) && open.ItemIds.Count > 0;

    private OpenPartition Open(int partition)
    {
        if (_closed.ContainsKey(partition))
        {
            throw new InvalidOperationException($"partition {partition} is closed: no item may change in it");
        }

        if (!_open.TryGetValue(partition, out var open))
        {
            _open[partition] = open = new OpenPartition();
        }

        return open;
    }

    private static long[] Sorted(HashSet<long> hashes)
    {
        var sorted = hashes.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    private sealed class OpenPartition
    {
        public int OpenItems { get; set; }

        public long LastCompletion { get; set; }

        public HashSet<string> Undelivered { get; } = new(StringComparer.Ordinal);

        public HashSet<long> ItemIds { get; } = [];

        public HashSet<long> RequestKeys { get; } = [];

        public DailyWorkTally Tally { get; } = new();
    }
}
