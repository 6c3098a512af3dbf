using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Grains.Work;

/// <summary>
/// Durable storage of a queue's items, in a few partitions per queue, so a queue can hold a
/// backlog far beyond one storage row and write many items in one transaction. Items are placed
/// by arrival: partition 0 takes the first <see cref="PartitionSize"/> items, partition 1 the
/// next, and so on, so that items enqueued and routed together are written together.
/// </summary>
public interface IWorkItemStore
{
    /// <summary>Items per storage partition: small enough to read quickly, large enough to batch.</summary>
    public const int PartitionSize = 2000;

    /// <summary>The latest stored copy of every item in the queue's partitions 0 to <paramref name="partitionCount"/> - 1.</summary>
    Task<IReadOnlyList<WorkItem>> Load(string queueId, int partitionCount, CancellationToken cancellationToken = default);

    /// <summary>Writes the items as they now are; returns once all are durable.</summary>
    Task Write(string queueId, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default);
}
