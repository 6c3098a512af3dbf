namespace SafetyPlatform.Domain.Work;

/// <summary>What routing needs to know of a waiting item to put it in order.</summary>
public readonly record struct BacklogEntry(Priority Priority, DateTimeOffset Deadline, DateTimeOffset Arrival, string ItemId);
