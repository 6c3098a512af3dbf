using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Grains.Work;

/// <summary>Between the item a queue holds and the view that crosses the wire.</summary>
public static class WorkItemViews
{
    public static WorkItemView View(this WorkItem item, string queueId) =>
        new(queueId, item.ItemId, item.Submission, item.Status, item.Holder, item.ReservationExpiry, item.Arrival, item.Deadline,
            item.Outcome, item.History, item.EscalatedTo);

    /// <summary>The item as another queue sent it on escalation: its submission, times and history; nothing of its holding there.</summary>
    public static WorkItem Arriving(this WorkItemView view) =>
        new(view.ItemId, 0, view.Submission, view.Status, string.Empty, null, view.Arrival, view.Deadline, null, null, [], view.History);

    public static RoutingExplanationView View(this RoutingExplanation explanation, string queueId) =>
        new(queueId, explanation.Verdict.Rule, explanation.Why, explanation.Next?.View(queueId));
}
