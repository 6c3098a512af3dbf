using Microsoft.Extensions.Logging;
using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Grains.Work;

/// <summary>
/// Hands escalated items to their target queues, then notes each as delivered (written with the
/// queue's next write). An escalation is durable here before it is delivered, so one that fails
/// (target silo down) is retried by the queue's sweep, and one read back undelivered after a
/// restart is delivered again; the target takes a repeat as a no-op.
/// </summary>
internal sealed partial class EscalationDelivery(string queueId, IGrainFactory grains, ILogger logger, Func<WorkItem, Task> noteDelivered)
{
    private const int RetriesPerSweep = 100;

    private readonly Dictionary<string, WorkItem> _pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);

    /// <summary>After a restart: the escalated items read back.</summary>
    public void Recover(IEnumerable<WorkItem> escalated)
    {
        foreach (var item in escalated.Where(i => !i.EscalationDelivered))
        {
            _pending[item.ItemId] = item;
        }
    }

    /// <summary>Delivers a durable escalation now; on failure it stays pending for the sweep.</summary>
    public async Task Deliver(WorkItem escalated)
    {
        _pending[escalated.ItemId] = escalated;
        if (!_inFlight.Add(escalated.ItemId))
        {
            return;
        }

        try
        {
            var reason = escalated.Last(WorkItemAction.Escalated)?.Reason ?? string.Empty;
            await grains.Reference<IQueueGrain>(escalated.EscalatedTo).ReceiveEscalation(escalated.View(queueId), queueId, reason);
            _pending.Remove(escalated.ItemId);
            noteDelivered(escalated with { EscalationDelivered = true }).Ignore();
        }
        catch (Exception e)
        {
            LogDeliveryFailed(logger, queueId, escalated.ItemId, escalated.EscalatedTo, e.Message);
        }
        finally
        {
            _inFlight.Remove(escalated.ItemId);
        }
    }

    /// <summary>Tries again, in the background, a batch of the escalations not yet delivered.</summary>
    public void RetryPending()
    {
        foreach (var item in _pending.Values.Where(i => !_inFlight.Contains(i.ItemId)).Take(RetriesPerSweep).ToList())
        {
            Deliver(item).Ignore();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {QueueId}: delivering escalated item {ItemId} to queues/{Target} failed, will retry: {Reason}")]
    private static partial void LogDeliveryFailed(ILogger logger, string queueId, string itemId, string target, string reason);
}
