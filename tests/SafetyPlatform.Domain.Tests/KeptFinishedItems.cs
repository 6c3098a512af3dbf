using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Domain.Tests;

/// <summary>Where the tests keep the items that left a backlog (completed, escalated away), as the queue grain does.</summary>
internal sealed class KeptFinishedItems : IFinishedItems
{
    private readonly Dictionary<string, WorkItem> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkItem> _byRequest = new(StringComparer.Ordinal);
    private readonly List<string> _requestsAskedFor = [];

    /// <summary>Whether the backlog looked up this request key here.</summary>
    public bool WasAskedFor(string requestKey) => _requestsAskedFor.Contains(requestKey);

    public void Keep(WorkItem finished)
    {
        _byId[finished.ItemId] = finished;
        _byRequest[finished.Submission.RequestKey] = finished;
    }

    public WorkItem? ById(string itemId) => _byId.GetValueOrDefault(itemId);

    public WorkItem? ByRequest(string requestKey)
    {
        _requestsAskedFor.Add(requestKey);
        return _byRequest.GetValueOrDefault(requestKey);
    }
}
