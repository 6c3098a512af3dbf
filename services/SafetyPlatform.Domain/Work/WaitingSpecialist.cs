namespace SafetyPlatform.Domain.Work;

/// <summary>A specialist waiting for offers from a queue: who, how many free slots, idle since when.</summary>
public sealed record WaitingSpecialist(RoutingCandidate Specialist, int Slots, DateTimeOffset IdleSince);
