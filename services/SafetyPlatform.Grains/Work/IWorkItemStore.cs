using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Grains.Work;

/// <summary>
/// Durable storage of a queue's items, in partitions of <see cref="PartitionSize"/> items by
/// arrival (items enqueued and routed together are written together). Open items are written
/// to the partition's journal, finished ones (completed, escalated away) to its archive. A
/// partition whose items have all finished, with every outcome handed over, is closed: its
/// digest (hashes of its ids and keys, its tally) is written, its superseded journal copies are
/// dropped with their table generation, and recovery reads it no more (docs/adr/0008).
/// </summary>
public interface IWorkItemStore
{
    /// <summary>Items per storage partition: small enough to read quickly, large enough to batch (2,000 in tables).</summary>
    int PartitionSize { get; }

    /// <summary>What recovery needs: the latest copy of every item in the open partitions, and the closed partitions' digests.</summary>
    Task<QueueRecovery> Load(string queueId, int partitionCount, CancellationToken cancellationToken = default);

    /// <summary>Writes the items as they now are; returns once all are durable.</summary>
    Task Write(string queueId, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default);

    /// <summary>
    /// Closes a partition: writes its digest; when <paramref name="generationClosed"/>, every
    /// partition sharing its journal table is closed too, and the table is dropped.
    /// </summary>
    Task Close(string queueId, PartitionDigest digest, bool generationClosed, CancellationToken cancellationToken = default);

    /// <summary>The latest copy of every finished item of one partition.</summary>
    Task<IReadOnlyList<WorkItem>> ReadFinished(string queueId, int partition, CancellationToken cancellationToken = default);

    /// <summary>How many partitions share one journal table (a table generation).</summary>
    int PartitionsPerGeneration { get; }
}

/// <summary>A queue as storage holds it: the open partitions' items (latest copies), and the closed partitions' digests.</summary>
/// <param name="Items">Every item of the open partitions, open or finished, as last written.</param>
/// <param name="Closed">The digests of the closed partitions.</param>
/// <param name="FinishedInJournal">Finished items whose latest copy is in a journal (written before archives existed): to be archived.</param>
/// <param name="SupersededFinished">
/// Finished copies in an open partition's archive of items that later lived on in another
/// partition (escalated away and back): their old partition still holds them and their idempotency key.
/// </param>
public sealed record QueueRecovery(
    IReadOnlyList<WorkItem> Items, IReadOnlyList<PartitionDigest> Closed, IReadOnlyList<WorkItem> FinishedInJournal, IReadOnlyList<WorkItem> SupersededFinished);
