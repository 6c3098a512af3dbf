namespace SafetyPlatform.Domain.Work;

/// <summary>One row of the lifecycle table: an action, the status it starts from, where it leads, and who may take it.</summary>
public sealed record WorkItemTransition(WorkItemAction Action, WorkItemStatus From, WorkItemStatus To, WorkItemActor Actor);

/// <summary>
/// The life of a work item, as a table a team lead would sign off: an item arrives QUEUED; routing
/// offers it to one specialist (RESERVED), who accepts it (HANDLING) or rejects it, or lets the
/// offer expire (back to QUEUED); the holder completes it, releases it back to the queue,
/// escalates it to another queue, or transfers it to a colleague as an offer to them. COMPLETED
/// and ESCALATED are final in the queue. Only the holder acts on a held item.
/// </summary>
public static class WorkItemLifecycle
{
    public static IReadOnlyList<WorkItemTransition> Table { get; } =
    [
        new(WorkItemAction.Enqueued, WorkItemStatus.Unspecified, WorkItemStatus.Queued, WorkItemActor.SubmittingClient),
        new(WorkItemAction.EscalatedIn, WorkItemStatus.Escalated, WorkItemStatus.Queued, WorkItemActor.EscalatingQueue),
        new(WorkItemAction.Offered, WorkItemStatus.Queued, WorkItemStatus.Reserved, WorkItemActor.Routing),
        new(WorkItemAction.Accepted, WorkItemStatus.Reserved, WorkItemStatus.Handling, WorkItemActor.Holder),
        new(WorkItemAction.Rejected, WorkItemStatus.Reserved, WorkItemStatus.Queued, WorkItemActor.Holder),
        new(WorkItemAction.Expired, WorkItemStatus.Reserved, WorkItemStatus.Queued, WorkItemActor.Routing),
        new(WorkItemAction.Withdrawn, WorkItemStatus.Reserved, WorkItemStatus.Queued, WorkItemActor.Routing),
        new(WorkItemAction.Released, WorkItemStatus.Handling, WorkItemStatus.Queued, WorkItemActor.Holder),
        new(WorkItemAction.Completed, WorkItemStatus.Handling, WorkItemStatus.Completed, WorkItemActor.Holder),
        new(WorkItemAction.Escalated, WorkItemStatus.Handling, WorkItemStatus.Escalated, WorkItemActor.Holder),
        new(WorkItemAction.Transferred, WorkItemStatus.Handling, WorkItemStatus.Reserved, WorkItemActor.Holder),
    ];

    private static readonly Dictionary<WorkItemAction, WorkItemTransition> ByAction = Table.ToDictionary(t => t.Action);

    /// <summary>The status an action leads to, or the refusal in words when it is not allowed.</summary>
    public static WorkItemTransition Check(WorkItemStatus from, WorkItemAction action, WorkItemActor actor)
    {
        if (!ByAction.TryGetValue(action, out var transition))
        {
            throw new WorkRefusedException(RefusalKind.InvalidArgument, $"{action} is not an action on a work item");
        }

        if (transition.From != from)
        {
            throw new WorkRefusedException(RefusalKind.FailedPrecondition,
                $"an item that is {Describe(from)} cannot be {Describe(action)}; only an item that is {Describe(transition.From)} can");
        }

        if (transition.Actor != actor)
        {
            throw new WorkRefusedException(RefusalKind.FailedPrecondition,
                $"an item is {Describe(action)} by {Describe(transition.Actor)}, not by {Describe(actor)}");
        }

        return transition;
    }

    /// <summary>Whether an item in this status has a holder.</summary>
    public static bool IsHeld(WorkItemStatus status) => status is WorkItemStatus.Reserved or WorkItemStatus.Handling;

    /// <summary>Whether the queue is done with an item in this status.</summary>
    public static bool IsFinished(WorkItemStatus status) => status is WorkItemStatus.Completed or WorkItemStatus.Escalated;

    /// <summary>The status as the API spells it, for messages.</summary>
    public static string Describe(WorkItemStatus status) =>
        status == WorkItemStatus.Unspecified ? "not yet enqueued" : status.ToString().ToUpperInvariant();

    private static string Describe(WorkItemAction action) => action switch
    {
        WorkItemAction.EscalatedIn => "escalated in",
        _ => action.ToString().ToLowerInvariant(),
    };

    private static string Describe(WorkItemActor actor) => actor switch
    {
        WorkItemActor.SubmittingClient => "the submitting client",
        WorkItemActor.Routing => "routing",
        WorkItemActor.Holder => "the holder",
        WorkItemActor.EscalatingQueue => "the escalating queue",
        _ => "an unnamed actor",
    };
}
