namespace SafetyPlatform.Domain.Monitoring;

/// <summary>
/// A condition that holds now on one subject (such as `queues/hate-en`): its kind, how big it
/// is against its threshold, and a sentence saying so for people.
/// </summary>
public sealed record AlertCondition(AlertKind Kind, string Subject, double Value, double Threshold, string Summary);
