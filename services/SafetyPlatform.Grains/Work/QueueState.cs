namespace SafetyPlatform.Grains.Work;

/// <summary>Stored settings of a queue (its items live in <see cref="IWorkItemStore"/>).</summary>
[GenerateSerializer, Alias("safety.QueueState")]
public sealed class QueueState
{
    [Id(0)] public bool Created { get; set; }
    [Id(1)] public QueueSettings? Settings { get; set; }
    [Id(2)] public DateTimeOffset CreateTime { get; set; }
    [Id(3)] public DateTimeOffset UpdateTime { get; set; }
    [Id(4)] public long Version { get; set; }
    [Id(5)] public string CreateRequestId { get; set; } = string.Empty;
    /// <summary>How many storage partitions hold the queue's items; raised before a new one is used.</summary>
    [Id(6)] public int PartitionCount { get; set; } = 1;
    /// <summary>Every outcome up to this completion sequence has reached its client's outbox.</summary>
    [Id(7)] public long OutcomesHandedOverThrough { get; set; }
}
