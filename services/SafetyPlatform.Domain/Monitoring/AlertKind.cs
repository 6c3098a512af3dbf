namespace SafetyPlatform.Domain.Monitoring;

/// <summary>What an alert is about. Values match the public API's enum; later capabilities add their kinds (exposure, missed target, capacity).</summary>
public enum AlertKind
{
    Unspecified = 0,
    /// <summary>Arrivals well above the queue's recent baseline.</summary>
    QueueSurge = 1,
    /// <summary>Waiting items due within minutes, or already overdue.</summary>
    SlaAtRisk = 2,
    /// <summary>The breach forecast puts the first breach within the warning horizon.</summary>
    PredictedBreach = 3,
    /// <summary>Fewer specialists staffing the queue than it needs.</summary>
    Understaffed = 4,
}
