namespace SafetyPlatform.Domain.Monitoring;

/// <summary>A queue's staffing as a team reported it, and when (of two reports of one queue, the later counts).</summary>
public sealed record ReportedQueue(QueueStaffing Staffing, DateTimeOffset ReportedAt);
