namespace SafetyPlatform.Domain.Security;

/// <summary>The kinds of thing a request can name, for the object rules (<see cref="AccessRules"/>).</summary>
public enum ObjectKind
{
    /// <summary>Nothing narrower than the whole organisation (a list of every team, a calibration session).</summary>
    Organisation,

    /// <summary>`teams/{team}` and what lies beneath it (policy, alerts, targets, history).</summary>
    Team,

    /// <summary>`specialists/{specialist}` and what lies beneath it.</summary>
    Specialist,

    /// <summary>`queues/{queue}` and what lies beneath it other than work items.</summary>
    Queue,

    /// <summary>The items of a queue, as a list: for those who staff or feed the queue, not for a specialist serving it.</summary>
    QueueItems,

    /// <summary>`queues/{queue}/workItems/{item}` and what lies beneath it (audits).</summary>
    WorkItem,

    /// <summary>A client id: the tool's own outbox.</summary>
    Client,
}
