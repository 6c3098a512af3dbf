namespace SafetyPlatform.Grains.Abstractions.Monitoring;

/// <summary>
/// Reads a queue's stored history of closed intervals, without loading the queue (a big queue's
/// recovery is not worth a chart). Keeps nothing. Key: queue id.
/// </summary>
public interface IQueueHistoryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Up to <paramref name="pageSize"/> stored intervals of <paramref name="length"/> starting in
    /// [<paramref name="from"/>, <paramref name="to"/>), oldest first; NOT_FOUND for a queue never created.
    /// </summary>
    Task<QueueHistoryPage> Read(TimeSpan length, DateTimeOffset from, DateTimeOffset to, int pageSize);
}
