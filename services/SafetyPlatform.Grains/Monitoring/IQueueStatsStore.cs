using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Monitoring;

/// <summary>Where queues keep the history of their closed intervals (an Azure Table in the silo).</summary>
public interface IQueueStatsStore
{
    /// <summary>Stores closed intervals; storing one again writes the same numbers over it.</summary>
    Task Save(string queueId, IReadOnlyList<QueueIntervalStats> intervals, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="take"/> stored intervals of <paramref name="length"/> starting in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    Task<IReadOnlyList<QueueIntervalStats>> Read(string queueId, TimeSpan length, DateTimeOffset from, DateTimeOffset to, int take, CancellationToken cancellationToken = default);

    /// <summary>Deletes the stored intervals of <paramref name="length"/> that start before <paramref name="before"/>.</summary>
    Task DeleteBefore(string queueId, TimeSpan length, DateTimeOffset before, CancellationToken cancellationToken = default);
}
