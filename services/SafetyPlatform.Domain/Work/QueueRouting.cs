namespace SafetyPlatform.Domain.Work;

/// <summary>A queue as routing sees it: what it asks of specialists, and which teams serve it.</summary>
public sealed record QueueRouting(string QueueId, QueueRequirements Requirements, IReadOnlyCollection<string> ServingTeams);
