using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Grains.Work;

/// <summary>
/// The durable record of one queue's items: every changed item goes to storage by group commit
/// (one write at a time, carrying every item changed meanwhile, each as last changed), and new
/// items go to the queue's last storage partition until it is full. Storage is written off the
/// grain's turn: the items are immutable, so offers keep flowing while a write is in flight.
/// </summary>
internal sealed class WorkItemJournal
{
    private readonly GroupCommit<WorkItem> _commit;
    private readonly Func<int, Task<int>> _recordPartitionCount;
    private readonly int _partitionSize;
    private int _inLastPartition;

    /// <param name="store">Where the items are written.</param>
    /// <param name="queueId">The queue whose items these are.</param>
    /// <param name="partitionCount">How many partitions the queue's stored settings count.</param>
    /// <param name="recordPartitionCount">Writes a higher partition count to the queue's settings; returns the count recorded.</param>
    public WorkItemJournal(IWorkItemStore store, string queueId, int partitionCount, Func<int, Task<int>> recordPartitionCount)
    {
        _partitionSize = store.PartitionSize;
        _commit = new GroupCommit<WorkItem>(i => i.ItemId, items => Task.Run(() => store.Write(queueId, [.. items])));
        _recordPartitionCount = recordPartitionCount;
        Partition = partitionCount - 1;
    }

    /// <summary>The partition new items go to.</summary>
    public int Partition { get; private set; }

    /// <summary>Set once a write has failed: memory may then hold changes storage does not.</summary>
    public Exception? Failure => _commit.Failure;

    /// <summary>Counts the items read back from storage, so new ones fill the last partition.</summary>
    public void Recovered(IEnumerable<WorkItem> items) => _inLastPartition = items.Count(i => i.Partition == Partition);

    /// <summary>Writes the item as it now is; completes once durable.</summary>
    public Task Write(WorkItem item) => _commit.Mark(item);

    /// <summary>Completes when every item written so far is durable.</summary>
    public Task Flushed() => _commit.Flushed();

    /// <summary>Counts an item newly placed in <see cref="Partition"/>.</summary>
    public void Placed() => _inLastPartition++;

    /// <summary>
    /// Opens a new partition when the last one cannot take <paramref name="count"/> more items.
    /// New items go to a partition only once the queue's stored settings count it, so recovery
    /// always reads every partition that holds items.
    /// </summary>
    public async Task MakeRoom(int count)
    {
        while (_inLastPartition > 0 && _inLastPartition + count > _partitionSize)
        {
            var recorded = await _recordPartitionCount(Partition + 2);
            if (recorded - 1 > Partition)
            {
                Partition = recorded - 1;
                _inLastPartition = 0;
            }
        }
    }
}
