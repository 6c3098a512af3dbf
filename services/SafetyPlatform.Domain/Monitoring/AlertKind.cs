namespace SafetyPlatform.Domain.Monitoring;

/// <summary>What an alert is about. Values match the public API's enum; later capabilities add their kinds (missed target, capacity).</summary>
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
    /// <summary>A specialist has used at least 80 % of a wellbeing limit.</summary>
    ExposureNearLimit = 5,
    /// <summary>A specialist has used all of a wellbeing limit.</summary>
    ExposureLimitReached = 6,
    /// <summary>A specialist's wellness break is due: routing holds high-harm work back until they take it.</summary>
    WellnessBreakDue = 7,
    /// <summary>A specialist's wellness break has been due for longer than a break lasts.</summary>
    WellnessBreakOverdue = 8,
    /// <summary>Past the day's high-harm cut-off, a specialist still holds a high-harm item.</summary>
    CutOffWithItemsHeld = 9,
    /// <summary>A specialist's or a team's target period ended outside the target.</summary>
    TargetMissed = 10,
}
