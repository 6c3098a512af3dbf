using SafetyPlatform.Domain.Security;
using static SafetyPlatform.Security.AuditClass;
using static SafetyPlatform.Security.Scopes;

namespace SafetyPlatform.Security;

/// <summary>
/// The access rule of every gRPC method of the platform, one line each: the one place that says
/// who may call what. The gateway checks the token and the scope; the silo checks them again,
/// then the actor and object rules (<see cref="AccessRules"/>), and records the audit entry. A
/// method without a line here is refused by both, and the tests (generated from the service
/// descriptors) fail until it has one.
/// </summary>
public static class ApiAccess
{
    private const string Roster = "/safety.roster.v1.RosterService/";
    private const string Work = "/safety.work.v1.WorkService/";
    private const string Monitoring = "/safety.monitoring.v1.MonitoringService/";
    private const string Wellbeing = "/safety.wellbeing.v1.WellbeingService/";
    private const string Performance = "/safety.performance.v1.PerformanceService/";
    private const string AuditLog = "/safety.audit.v1.AuditLogService/";
    private const string Diagnostics = "/safety.diagnostics.v1.DiagnosticsService/";

    /// <summary>The call spans the whole organisation: only an admin or a caller reaching every team (`*`).</summary>
    private static readonly ObjectField WholeOrganisation = new(string.Empty, ObjectKind.Organisation);

    /// <summary>A queue's settings name teams to serve it and queues to escalate and send audits to: the caller must reach each.</summary>
    private static readonly ObjectField[] QueueReferences =
    [
        Maybe("queue.serving_teams", ObjectKind.Team),
        Maybe("queue.escalation_queue", ObjectKind.Queue),
        Maybe("queue.audit_sampling.audit_queue", ObjectKind.Queue),
    ];

    public static readonly IReadOnlyDictionary<string, MethodAccess> Methods = new[]
    {
        Rule(Roster + "CreateTeam", RosterWrite, Write, [WholeOrganisation]),
        Rule(Roster + "GetTeam", RosterRead, None, [On("name", ObjectKind.Team)]),
        Rule(Roster + "ListTeams", RosterRead, None, [WholeOrganisation]),
        Rule(Roster + "UpdateTeam", RosterWrite, Write, [On("team.name", ObjectKind.Team)]),
        Rule(Roster + "CreateSpecialist", RosterWrite, Write, [On("parent", ObjectKind.Team)]),
        Rule(Roster + "GetSpecialist", RosterRead, None, [On("name", ObjectKind.Specialist)]),
        Rule(Roster + "ListSpecialists", RosterRead, None, [On("parent", ObjectKind.Team)]),
        Rule(Roster + "UpdateSpecialist", RosterWrite, Write, [On("specialist.name", ObjectKind.Specialist)]),
        Rule(Roster + "MoveSpecialist", RosterWrite, Write, [On("name", ObjectKind.Specialist), On("team", ObjectKind.Team)], [As("actor", ActorKind.Person)]),
        Rule(Roster + "DeactivateSpecialist", RosterWrite, Write, [On("name", ObjectKind.Specialist)], [As("actor", ActorKind.Person)]),
        Rule(Roster + "SetActivityState", RosterActivity, Write, [On("name", ObjectKind.Specialist)], [As("actor", ActorKind.Person)]),
        Rule(Roster + "ListActivityTransitions", RosterRead, PrivateRead, [On("parent", ObjectKind.Specialist)]),
        Rule(Roster + "WatchTeam", RosterRead, None, [On("name", ObjectKind.Team)]),

        Rule(Work + "CreateQueue", WorkConfigure, Write, [WholeOrganisation, .. QueueReferences]),
        Rule(Work + "GetQueue", WorkRead, None, [On("name", ObjectKind.Queue)]),
        Rule(Work + "ListQueues", WorkRead, None, [WholeOrganisation]),
        Rule(Work + "UpdateQueue", WorkConfigure, Write, [On("queue.name", ObjectKind.Queue), .. QueueReferences]),
        Rule(Work + "EnqueueWorkItem", WorkEnqueue, Write, [On("parent", ObjectKind.Queue)], [As("work_item.client", ActorKind.Client)]),
        Rule(Work + "BatchEnqueueWorkItems", WorkEnqueue, Write, [On("parent", ObjectKind.Queue)], [As("requests.work_item.client", ActorKind.Client)]),
        Rule(Work + "GetWorkItem", WorkRead, None, [On("name", ObjectKind.WorkItem)]),
        Rule(Work + "ListWorkItems", WorkRead, None, [On("parent", ObjectKind.QueueItems)]),
        Rule(Work + "GetNextWorkItem", WorkHandle, Write, [On("specialist", ObjectKind.Specialist)], [As("specialist", ActorKind.Specialist)]),
        Rule(Work + "StreamOffers", WorkHandle, Write, [On("specialist", ObjectKind.Specialist)], [As("specialist", ActorKind.Specialist)]),
        Rule(Work + "AcceptWorkItem", WorkHandle, Write, [On("specialist", ObjectKind.Specialist)], [As("specialist", ActorKind.Specialist)]),
        Rule(Work + "RejectWorkItem", WorkHandle, Write, [On("specialist", ObjectKind.Specialist)], [As("specialist", ActorKind.Specialist)]),
        Rule(Work + "CompleteWorkItem", WorkHandle, Write, [On("specialist", ObjectKind.Specialist)], [As("specialist", ActorKind.Specialist)]),
        Rule(Work + "ReleaseWorkItem", WorkHandle, Write, [On("specialist", ObjectKind.Specialist)], [As("specialist", ActorKind.Specialist)]),
        Rule(Work + "EscalateWorkItem", WorkHandle, Write, [On("specialist", ObjectKind.Specialist), Maybe("target_queue", ObjectKind.Queue)], [As("specialist", ActorKind.Specialist)]),
        Rule(Work + "TransferWorkItem", WorkHandle, Write, [On("specialist", ObjectKind.Specialist)], [As("specialist", ActorKind.Specialist)]),
        Rule(Work + "GetSpecialistWork", WorkRead, PrivateRead, [On("specialist", ObjectKind.Specialist)], [As("specialist", ActorKind.Specialist)]),
        Rule(Work + "ExplainRouting", WorkRead, PrivateRead, [On("specialist", ObjectKind.Specialist), Maybe("queue", ObjectKind.Queue)], [As("specialist", ActorKind.Specialist)]),
        Rule(Work + "WatchOutcomes", WorkOutcomes, None, [On("client", ObjectKind.Client)], [As("client", ActorKind.Client)]),
        Rule(Work + "AcknowledgeOutcomes", WorkOutcomes, Write, [On("client", ObjectKind.Client)], [As("client", ActorKind.Client)]),

        Rule(Monitoring + "GetQueueStats", MonitoringRead, None, [On("name", ObjectKind.Queue)]),
        Rule(Monitoring + "WatchQueueStats", MonitoringRead, None, [On("name", ObjectKind.Queue)]),
        Rule(Monitoring + "GetTeamStats", MonitoringRead, None, [On("name", ObjectKind.Team)]),
        Rule(Monitoring + "WatchTeamStats", MonitoringRead, None, [On("name", ObjectKind.Team)]),
        Rule(Monitoring + "ListTeamStats", MonitoringRead, None, [WholeOrganisation]),
        Rule(Monitoring + "GetOrganisationStats", MonitoringRead, None, [WholeOrganisation]),
        Rule(Monitoring + "ListOrganisationStats", MonitoringRead, None, [WholeOrganisation]),
        Rule(Monitoring + "GetSpecialistStats", MonitoringRead, PrivateRead, [On("name", ObjectKind.Specialist)]),
        Rule(Monitoring + "WatchSpecialistStats", MonitoringRead, PrivateRead, [On("name", ObjectKind.Specialist)]),
        Rule(Monitoring + "ListQueueStatsHistory", MonitoringRead, None, [On("parent", ObjectKind.Queue)]),
        Rule(Monitoring + "ListSpecialistStatsHistory", MonitoringRead, PrivateRead, [On("parent", ObjectKind.Specialist)]),
        Rule(Monitoring + "ListTeamStatsHistory", MonitoringRead, None, [On("parent", ObjectKind.Team)]),
        Rule(Monitoring + "WatchAlerts", MonitoringRead, PrivateRead, [On("parent", ObjectKind.Team)]),
        Rule(Monitoring + "AcknowledgeAlert", MonitoringWrite, Write, [On("name", ObjectKind.Team)], [As("acknowledged_by", ActorKind.Person)]),

        Rule(Wellbeing + "GetExposure", WellbeingRead, PrivateRead, [On("name", ObjectKind.Specialist)]),
        Rule(Wellbeing + "GetWellbeingPolicy", WellbeingRead, None, [On("name", ObjectKind.Team)]),
        Rule(Wellbeing + "UpdateWellbeingPolicy", WellbeingAdmin, Write, [On("policy.name", ObjectKind.Team)], [As("actor", ActorKind.Person)]),
        Rule(Wellbeing + "ListWellbeingPolicyRevisions", WellbeingRead, None, [On("parent", ObjectKind.Team)]),
        Rule(Wellbeing + "GetPersonalWellbeing", WellbeingRead, PrivateRead, [On("name", ObjectKind.Specialist)]),
        Rule(Wellbeing + "RequestOptOut", WellbeingWrite, Write, [On("name", ObjectKind.Specialist)]),
        Rule(Wellbeing + "DecideOptOut", WellbeingAdmin, Write, [NotOwn("name")], [As("actor", ActorKind.Person)]),
        Rule(Wellbeing + "WithdrawOptOut", WellbeingWrite, Write, [On("name", ObjectKind.Specialist)], [As("actor", ActorKind.Person)]),
        Rule(Wellbeing + "RestrictHarmCategory", WellbeingAdmin, Write, [NotOwn("name")], [As("actor", ActorKind.Person)]),
        Rule(Wellbeing + "LiftRestriction", WellbeingAdmin, Write, [NotOwn("name")], [As("actor", ActorKind.Person)]),
        Rule(Wellbeing + "SetDisplayPreference", WellbeingWrite, Write, [On("name", ObjectKind.Specialist)]),
        Rule(Wellbeing + "ListTeamWellbeing", WellbeingRead, PrivateRead, [On("parent", ObjectKind.Team)]),

        Rule(Performance + "CreateAudit", QaWrite, Write, [On("parent", ObjectKind.WorkItem)], [As("audit.auditor", ActorKind.Person)]),
        Rule(Performance + "GetAudit", QaRead, PrivateRead, [On("name", ObjectKind.WorkItem)]),
        Rule(Performance + "ListAudits", QaRead, PrivateRead, [On("parent", ObjectKind.WorkItem)]),
        Rule(Performance + "CreateCalibrationSession", QaWrite, Write, [WholeOrganisation]),
        Rule(Performance + "GetCalibrationSession", QaRead, PrivateRead, [WholeOrganisation]),
        Rule(Performance + "SubmitCalibrationVerdict", QaWrite, Write, [WholeOrganisation], [As("verdict.auditor", ActorKind.Person)]),
        Rule(Performance + "CreateGoldenItem", QaWrite, Write, [On("parent", ObjectKind.Queue)], [As("work_item.client", ActorKind.Client)]),
        Rule(Performance + "GetGoldenItem", QaRead, PrivateRead, [On("name", ObjectKind.WorkItem)]),
        Rule(Performance + "CreateTarget", PerformanceWrite, Write, [NotOwn("parent")]),
        Rule(Performance + "GetTarget", PerformanceRead, PrivateRead, [On("name", ObjectKind.Specialist)]),
        Rule(Performance + "ListTargets", PerformanceRead, PrivateRead, [On("parent", ObjectKind.Specialist)]),
        Rule(Performance + "DeleteTarget", PerformanceWrite, Write, [NotOwn("name")]),

        Rule(AuditLog + "ListAuditEntries", AuditRead, PrivateRead, [WholeOrganisation]),
        Rule(AuditLog + "VerifyAuditLog", AuditRead, PrivateRead, [WholeOrganisation]),

        Rule(Diagnostics + "Echo", DiagnosticsRead, None, []),
    }.ToDictionary(rule => rule.Method, StringComparer.Ordinal);

    /// <summary>The rule of a method path such as `/safety.work.v1.WorkService/EnqueueWorkItem`, or null.</summary>
    public static MethodAccess? For(string method) => Methods.GetValueOrDefault(method);

    /// <summary>
    /// The methods of the given services that have no rule, and the rules whose fields those
    /// services' requests do not have: both must be empty for the platform to start.
    /// </summary>
    public static IReadOnlyList<string> Problems(IEnumerable<Google.Protobuf.Reflection.ServiceDescriptor> services)
    {
        var problems = new List<string>();
        foreach (var method in services.SelectMany(s => s.Methods))
        {
            var path = $"/{method.Service.FullName}/{method.Name}";
            if (method.IsClientStreaming)
            {
                problems.Add($"{path} streams requests, which the silo's access checks do not cover");
            }

            if (For(path) is not { } rule)
            {
                problems.Add($"{path} has no access rule in ApiAccess");
                continue;
            }

            foreach (var field in rule.Objects.Select(o => o.Path).Concat(rule.Actors.Select(a => a.Path)).Where(p => p.Length > 0))
            {
                if (!RequestFields.Exists(method.InputType, field))
                {
                    problems.Add($"{path}: {method.InputType.Name} has no string field '{field}'");
                }
            }
        }

        return problems;
    }

    private static MethodAccess Rule(string method, string scope, AuditClass audit, IReadOnlyList<ObjectField> objects, IReadOnlyList<ActorField>? actors = null) =>
        new(method, scope, objects, actors ?? [], audit);

    private static ObjectField On(string path, ObjectKind kind) => new(path, kind);

    private static ObjectField Maybe(string path, ObjectKind kind) => new(path, kind) { Optional = true };

    /// <summary>A specialist (or team) that the method decides about: not the caller's own record.</summary>
    private static ObjectField NotOwn(string path) => new(path, ObjectKind.Specialist) { NotOwnRecord = true };

    private static ActorField As(string path, ActorKind kind) => new(path, kind);
}
