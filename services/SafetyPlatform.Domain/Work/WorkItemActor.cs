namespace SafetyPlatform.Domain.Work;

/// <summary>Who is acting on a work item, as the lifecycle table sees them.</summary>
public enum WorkItemActor
{
    Unspecified = 0,
    /// <summary>The tool that submitted the item.</summary>
    SubmittingClient,
    /// <summary>Routing itself: offers, expiries, withdrawals.</summary>
    Routing,
    /// <summary>The specialist who holds the item (reserved or handling).</summary>
    Holder,
    /// <summary>Another queue, handing over an escalated item.</summary>
    EscalatingQueue,
}
