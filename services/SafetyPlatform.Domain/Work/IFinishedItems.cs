namespace SafetyPlatform.Domain.Work;

/// <summary>Where a backlog looks up items that have left it (completed or escalated away).</summary>
public interface IFinishedItems
{
    /// <summary>The finished item with this id, or null.</summary>
    WorkItem? ById(string itemId);

    /// <summary>The finished item a client's idempotency key names, or null.</summary>
    WorkItem? ByRequest(string requestKey);
}
