namespace SafetyPlatform.Domain.Work;

/// <summary>The settings of a queue that its backlog enforces.</summary>
public sealed record QueueRules(QueueRouting Routing, SlaPolicy Sla, TimeSpan ReservationTimeout, int MaxBacklog)
{
    public string QueueId => Routing.QueueId;
}
