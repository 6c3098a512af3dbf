namespace SafetyPlatform.Domain.Work;

/// <summary>
/// What a queue keeps of a closed storage partition (every item in it finished): the hashes of
/// its item ids and idempotency keys, sorted, to find a finished item in storage without
/// keeping it in memory, and the day's work it holds per specialist.
/// </summary>
public sealed record PartitionDigest(int Partition, long[] ItemIds, long[] RequestKeys, IReadOnlyList<DailyWorkTotals> Tally);
