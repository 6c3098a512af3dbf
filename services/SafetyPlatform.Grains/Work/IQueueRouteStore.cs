namespace SafetyPlatform.Grains.Work;

/// <summary>
/// Where the queue directory keeps each queue's route: one row per queue (an Azure Table in the
/// silo), so the directory grows with the number of queues and never meets a row's 1 MB limit.
/// </summary>
public interface IQueueRouteStore
{
    /// <summary>Every stored route.</summary>
    Task<IReadOnlyList<QueueRoute>> ReadAll(CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="route"/> over the queue's previous one; durable when it returns.</summary>
    Task Save(QueueRoute route, CancellationToken cancellationToken = default);
}
