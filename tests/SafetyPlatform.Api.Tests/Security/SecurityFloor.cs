using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Work.V1;
using SafetyPlatform.Domain.Security;
using SafetyPlatform.Security;

namespace SafetyPlatform.Api.Tests.Security;

/// <summary>
/// Two teams for the access tests: team A (specialists a1, a2; queue qa) and team B (specialist
/// b1; queue qb with one item), and tokens for callers of team A.
/// </summary>
public sealed record SecurityFloor(Team A, Team B, Specialist A1, Specialist A2, Specialist B1, Queue QueueA, Queue QueueB, WorkItem ItemB)
{
    public static async Task<SecurityFloor> Create(LocalPlatform platform)
    {
        using var admin = platform.Connect();
        var (a, queueA) = await WorkEndToEndTests.NewFloor(admin);
        var (b, queueB) = await WorkEndToEndTests.NewFloor(admin);
        var a1 = await RosterEndToEndTests.NewSpecialist(admin.Roster, a, "Aoife");
        var a2 = await RosterEndToEndTests.NewSpecialist(admin.Roster, a, "Ana");
        var b1 = await RosterEndToEndTests.NewSpecialist(admin.Roster, b, "Bea");
        var itemB = await admin.Work.EnqueueWorkItemAsync(WorkEndToEndTests.Report(queueB, RosterEndToEndTests.Unique("r")));
        return new SecurityFloor(a, b, a1, a2, b1, queueA, queueB, itemB);
    }

    /// <summary>The lead of team A, with every scope: only the object rules can stop them.</summary>
    public TokenRequest LeadOfA => new($"people/lead-{Id(A.Name)}", [CallerClaims.NameOf(CallerRole.TeamLead)], Scopes.All, [Id(A.Name)], [], TimeSpan.FromHours(1));

    /// <summary>Specialist a1, with every scope: only the actor and object rules can stop them.</summary>
    public TokenRequest SpecialistA1 => new(A1.Name, [CallerClaims.NameOf(CallerRole.Specialist)], Scopes.All, [Id(A.Name)], [], TimeSpan.FromHours(1));

    /// <summary>A tool granted queue qa only, with every scope.</summary>
    public TokenRequest ToolOfQueueA => new($"clients/tool-{Id(QueueA.Name)}"[..30].TrimEnd('-'), [CallerClaims.NameOf(CallerRole.Service)], Scopes.All, [], [Id(QueueA.Name)], TimeSpan.FromHours(1));

    /// <summary>A resource of team B of the kind a field names.</summary>
    public string OfTeamB(ObjectKind kind) => kind switch
    {
        ObjectKind.Team => B.Name,
        ObjectKind.Specialist => B1.Name,
        ObjectKind.Queue or ObjectKind.QueueItems => QueueB.Name,
        ObjectKind.WorkItem => ItemB.Name,
        ObjectKind.Client => "another-tool",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Id(string name) => name[(name.LastIndexOf('/') + 1)..];
}
