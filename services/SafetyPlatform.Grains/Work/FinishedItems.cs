using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Grains.Work;

/// <summary>
/// The items a queue is done with (completed, or escalated away), by id and by idempotency key,
/// for reads, listing, repeated enqueues and refusals of late calls. Kept in memory for now;
/// this is where a lookup in storage takes over (docs/ROUTING.md).
/// </summary>
internal sealed class FinishedItems : IFinishedItems
{
    private readonly Dictionary<string, WorkItem> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byRequest = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _ids = new(StringComparer.Ordinal);

    public void Add(WorkItem item)
    {
        _byId[item.ItemId] = item;
        _byRequest[item.Submission.RequestKey] = item.ItemId;
        _ids.Add(item.ItemId);
    }

    public WorkItem? ById(string itemId) => _byId.GetValueOrDefault(itemId);

    public WorkItem? ByRequest(string requestKey) => _byRequest.TryGetValue(requestKey, out var id) ? _byId[id] : null;

    /// <summary>Finished items of a status (every finished one when unspecified) after <paramref name="afterId"/>, in id order.</summary>
    public IEnumerable<WorkItem> ListAfter(WorkItemStatus status, string afterId)
    {
        return _ids.After(afterId).Select(id => _byId[id]).Where(i => status == WorkItemStatus.Unspecified || i.Status == status);
    }
}
