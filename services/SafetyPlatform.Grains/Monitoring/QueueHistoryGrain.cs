using Orleans.Concurrency;
using SafetyPlatform.Domain.Naming;

namespace SafetyPlatform.Grains.Monitoring;

/// <summary>A queue's stored intervals, read straight from the store; the queue itself is not loaded.</summary>
[StatelessWorker]
public sealed class QueueHistoryGrain(IQueueStatsStore store) : Grain, IQueueHistoryGrain
{
    public async Task<QueueHistoryPage> Read(TimeSpan length, DateTimeOffset from, DateTimeOffset to, int pageSize)
    {
        var queueId = this.GetPrimaryKeyString();
        if (!await GrainFactory.Reference<IQueueDirectoryGrain>(IQueueDirectoryGrain.AllQueues).Knows(queueId))
        {
            throw SafetyException.NotFound(new QueueName(queueId).ToString());
        }

        var found = await store.Read(queueId, length, from, to, pageSize + 1);
        return new QueueHistoryPage([.. found.Take(pageSize)], found.Count > pageSize);
    }
}
