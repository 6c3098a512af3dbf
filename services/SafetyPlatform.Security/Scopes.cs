namespace SafetyPlatform.Security;

/// <summary>
/// The scopes a token may carry (claim `scope`, space-separated): one per capability and verb.
/// Each gRPC method needs exactly one (<see cref="ApiAccess"/>).
/// </summary>
public static class Scopes
{
    public const string RosterRead = "roster.read";
    public const string RosterWrite = "roster.write";
    public const string RosterActivity = "roster.activity";
    public const string WorkRead = "work.read";
    public const string WorkConfigure = "work.configure";
    public const string WorkEnqueue = "work.enqueue";
    public const string WorkHandle = "work.handle";
    public const string WorkOutcomes = "work.outcomes";
    public const string MonitoringRead = "monitoring.read";
    public const string MonitoringWrite = "monitoring.write";
    public const string WellbeingRead = "wellbeing.read";
    public const string WellbeingWrite = "wellbeing.write";
    public const string WellbeingAdmin = "wellbeing.admin";
    public const string QaRead = "qa.read";
    public const string QaWrite = "qa.write";
    public const string PerformanceRead = "performance.read";
    public const string PerformanceWrite = "performance.write";
    public const string AuditRead = "audit.read";
    public const string DiagnosticsRead = "diagnostics.read";

    public static readonly IReadOnlyList<string> All =
    [
        RosterRead, RosterWrite, RosterActivity, WorkRead, WorkConfigure, WorkEnqueue, WorkHandle, WorkOutcomes,
        MonitoringRead, MonitoringWrite, WellbeingRead, WellbeingWrite, WellbeingAdmin, QaRead, QaWrite,
        PerformanceRead, PerformanceWrite, AuditRead, DiagnosticsRead,
    ];
}
