using SafetyPlatform.Domain.Security;
using static SafetyPlatform.Security.Scopes;

namespace SafetyPlatform.Security;

/// <summary>
/// The scopes each role is meant to hold: what the local issuer grants when no scopes are named,
/// and what docs/SECURITY.md recommends configuring in the production identity provider.
/// </summary>
public static class RoleScopes
{
    public static IReadOnlyList<string> For(CallerRole role) => role switch
    {
        CallerRole.Specialist => [RosterRead, RosterActivity, WorkRead, WorkHandle, MonitoringRead, WellbeingRead, WellbeingWrite, PerformanceRead],
        CallerRole.TeamLead => [RosterRead, RosterWrite, RosterActivity, WorkRead, WorkHandle, MonitoringRead, MonitoringWrite,
            WellbeingRead, WellbeingWrite, WellbeingAdmin, QaRead, PerformanceRead, PerformanceWrite],
        CallerRole.OperationsManager => [RosterRead, RosterWrite, RosterActivity, WorkRead, WorkConfigure, WorkHandle, MonitoringRead, MonitoringWrite,
            WellbeingRead, WellbeingAdmin, QaRead, PerformanceRead, PerformanceWrite],
        CallerRole.Wellbeing => [RosterRead, MonitoringRead, WellbeingRead, WellbeingWrite, WellbeingAdmin],
        CallerRole.QaAuditor => [RosterRead, WorkRead, WorkHandle, QaRead, QaWrite, PerformanceRead],
        CallerRole.PlatformAdmin => Scopes.All,
        _ => [WorkRead, WorkEnqueue, WorkOutcomes],
    };
}
