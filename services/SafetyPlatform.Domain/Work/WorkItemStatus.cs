namespace SafetyPlatform.Domain.Work;

/// <summary>Where a work item is in its life. Values match the public API's enum.</summary>
public enum WorkItemStatus
{
    Unspecified = 0,
    /// <summary>Waiting in a queue for a specialist.</summary>
    Queued = 1,
    /// <summary>Offered to one specialist, who must accept before the reservation expires.</summary>
    Reserved = 2,
    /// <summary>Accepted: one specialist is working on it.</summary>
    Handling = 3,
    /// <summary>Finished with an outcome.</summary>
    Completed = 4,
    /// <summary>Moved to another queue (escalation); the item lives on there.</summary>
    Escalated = 5,
}
