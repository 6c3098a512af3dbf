namespace SafetyPlatform.Domain.Monitoring;

/// <summary>
/// One queue a team serves, as the team's lead sees it: its backlog, who staffs it against how
/// many it needs (<see cref="StaffingEstimate"/>), from which recent arrivals and handle time,
/// and its current quarter hour.
/// </summary>
public sealed record QueueStaffing(
    string QueueId,
    int Waiting,
    int AtRisk,
    int Overdue,
    int Staffed,
    int? Needed,
    int RecentArrivals,
    TimeSpan? HandleTime,
    QueueIntervalStats Quarter);
