using Grpc.Core;
using SafetyPlatform.Api.Monitoring.V1;
using SafetyPlatform.Api.Performance.V1;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Type.V1;
using SafetyPlatform.Api.Work.V1;
using static SafetyPlatform.Api.Tests.RosterEndToEndTests;
using static SafetyPlatform.Api.Tests.WorkEndToEndTests;

namespace SafetyPlatform.Api.Tests;

/// <summary>
/// Audits of completed items through the real gateway on Azurite, as a quality tool or a lead
/// submits them: they give the specialist's, the queue's and the team's accuracy and quality,
/// and every wrong submission is refused with a precise status, changing nothing.
/// </summary>
[Collection(PlatformCollection.Name)]
public class AuditEndToEndTests(PlatformFixture fixture)
{
    private WorkService.WorkServiceClient Work => fixture.Connection.Work;

    private PerformanceService.PerformanceServiceClient Performance => fixture.Connection.Performance;

    private Task<WorkItem> Handled(Specialist specialist, Queue queue, string decision) => WorkEndToEndTests.Handled(fixture.Connection, specialist, queue, decision);

    private static CreateAuditRequest AuditOf(WorkItem item, string auditor, bool agrees, int score, string requestId = "") => new()
    {
        Parent = item.Name,
        RequestId = requestId,
        Audit = new Audit
        {
            Auditor = auditor,
            Agrees = agrees,
            Score = score,
            ErrorCategory = agrees ? AuditErrorCategory.None : AuditErrorCategory.OverEnforcement,
            CorrectedDecision = agrees ? string.Empty : "keep",
            Notes = agrees ? string.Empty : "satire; allowed under the policy",
        },
    };

    [Fact]
    public async Task A_days_audits_give_the_accuracy_and_quality_expected_for_the_specialist_the_queue_and_the_team()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        var items = new List<WorkItem>();
        for (var i = 0; i < 4; i++)
        {
            items.Add(await Handled(aoife, queue, "remove"));
        }

        // Four audits: three agree (90, 80, 100), one does not (40). Accuracy 3/4 = 0.75, quality 310/4 = 77.5.
        var scores = new[] { (true, 90), (true, 80), (true, 100), (false, 40) };
        for (var i = 0; i < 4; i++)
        {
            await Performance.CreateAuditAsync(AuditOf(items[i], "clients/qa-tool", scores[i].Item1, scores[i].Item2));
        }

        var disagreed = Assert.Single((await Performance.ListAuditsAsync(new ListAuditsRequest { Parent = items[3].Name })).Audits);
        Assert.Equal((items[3].Name + "/audits/1", aoife.Name, "remove", "keep", AuditErrorCategory.OverEnforcement),
            (disagreed.Name, disagreed.Specialist, disagreed.Decision, disagreed.CorrectedDecision, disagreed.ErrorCategory));
        Assert.Equal(disagreed, await Performance.GetAuditAsync(new GetAuditRequest { Name = disagreed.Name }));

        var mine = (await fixture.Connection.Monitoring.GetSpecialistStatsAsync(new GetSpecialistStatsRequest { Name = aoife.Name + "/stats" })).Quality;
        Assert.Equal((4, 3, 0.75, 77.5), (mine.Audited, mine.Agreed, mine.Accuracy, mine.Quality));
        Assert.False(mine.HasGoldenAccuracy);

        // The queue's quarter hours (the current one and, if the test straddled a quarter's end, the one before) hold the same four.
        var queueStats = await fixture.Connection.Monitoring.GetQueueStatsAsync(new GetQueueStatsRequest { Name = queue.Name + "/stats" });
        var quarters = new[] { queueStats.Intervals[2].Quality, queueStats.Intervals[3].Quality };
        Assert.Equal((4, 3, 310.0), (quarters.Sum(q => q.Audited), quarters.Sum(q => q.Agreed), quarters.Sum(q => q.Quality * q.Audited)));

        // The team hears from its queue within seconds: its current quarter's numbers are the queue's.
        TeamStats teamStats = new();
        QualityStats current = new();
        await Loopback.WaitUntil(async () =>
        {
            teamStats = await fixture.Connection.Monitoring.GetTeamStatsAsync(new GetTeamStatsRequest { Name = team.Name + "/stats" });
            current = (await fixture.Connection.Monitoring.GetQueueStatsAsync(new GetQueueStatsRequest { Name = queue.Name + "/stats" })).Intervals[2].Quality;
            return teamStats.Quality.Equals(current);
        }, TimeSpan.FromSeconds(20), () => $"the team's quality {teamStats.Quality}, the queue's {current}");
    }

    [Fact]
    public async Task A_wrong_audit_is_refused_with_a_precise_status_and_changes_nothing_and_a_retry_counts_once()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        var done = await Handled(aoife, queue, "remove");
        var waiting = await Work.EnqueueWorkItemAsync(Report(queue, Unique("waiting")));

        await Expect.Status(StatusCode.FailedPrecondition, () => Performance.CreateAuditAsync(AuditOf(waiting, "clients/qa-tool", true, 90)).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () => Performance.CreateAuditAsync(AuditOf(done, "clients/qa-tool", true, 90).WithParent(queue.Name + "/workItems/no-such-item")).ResponseAsync);
        await Expect.Status(StatusCode.PermissionDenied, () => Performance.CreateAuditAsync(AuditOf(done, aoife.Name, true, 90)).ResponseAsync);
        await Expect.InvalidField("audit.score", () => Performance.CreateAuditAsync(AuditOf(done, "clients/qa-tool", true, 101)).ResponseAsync);
        await Expect.InvalidField("audit.corrected_decision", () => Performance.CreateAuditAsync(AuditOf(done, "clients/qa-tool", false, 40).WithCorrection(string.Empty)).ResponseAsync);
        await Expect.InvalidField("audit.error_category", () => Performance.CreateAuditAsync(AuditOf(done, "clients/qa-tool", true, 90).WithCategory(AuditErrorCategory.Unspecified)).ResponseAsync);
        await Expect.InvalidField("audit.auditor", () => Performance.CreateAuditAsync(AuditOf(done, "qa-tool", true, 90)).ResponseAsync);
        await Expect.InvalidField("parent", () => Performance.CreateAuditAsync(AuditOf(done, "clients/qa-tool", true, 90).WithParent(queue.Name)).ResponseAsync);
        Assert.Empty((await Performance.ListAuditsAsync(new ListAuditsRequest { Parent = done.Name })).Audits);

        // Recorded once; the same request again gives it back; another request by the same auditor is refused; another auditor may audit too.
        var first = await Performance.CreateAuditAsync(AuditOf(done, "clients/qa-tool", false, 40, "audit-1"));
        Assert.Equal(first, await Performance.CreateAuditAsync(AuditOf(done, "clients/qa-tool", false, 40, "audit-1")));
        await Expect.Status(StatusCode.AlreadyExists, () => Performance.CreateAuditAsync(AuditOf(done, "clients/qa-tool", true, 90, "audit-2")).ResponseAsync);
        var second = await Performance.CreateAuditAsync(AuditOf(done, "specialists/qa-lead-rosa", true, 70));
        Assert.EndsWith("/audits/2", second.Name, StringComparison.Ordinal);

        var page = await Performance.ListAuditsAsync(new ListAuditsRequest { Parent = done.Name, PageSize = 1 });
        var rest = await Performance.ListAuditsAsync(new ListAuditsRequest { Parent = done.Name, PageSize = 1, PageToken = page.NextPageToken });
        Assert.Equal([first.Name, second.Name], page.Audits.Concat(rest.Audits).Select(a => a.Name));
        Assert.Empty(rest.NextPageToken);
        await Expect.Status(StatusCode.NotFound, () => Performance.GetAuditAsync(new GetAuditRequest { Name = done.Name + "/audits/3" }).ResponseAsync);

        // Two audits counted, the retry not: accuracy 1/2, quality (40 + 70)/2 = 55.
        var mine = (await fixture.Connection.Monitoring.GetSpecialistStatsAsync(new GetSpecialistStatsRequest { Name = aoife.Name + "/stats" })).Quality;
        Assert.Equal((2, 1, 0.5, 55.0), (mine.Audited, mine.Agreed, mine.Accuracy, mine.Quality));
    }
}

/// <summary>Small changes to an audit request, for the refusal tests.</summary>
internal static class AuditRequests
{
    public static CreateAuditRequest WithParent(this CreateAuditRequest request, string parent)
    {
        var changed = request.Clone();
        changed.Parent = parent;
        return changed;
    }

    public static CreateAuditRequest WithCorrection(this CreateAuditRequest request, string decision)
    {
        var changed = request.Clone();
        changed.Audit.CorrectedDecision = decision;
        return changed;
    }

    public static CreateAuditRequest WithCategory(this CreateAuditRequest request, AuditErrorCategory category)
    {
        var changed = request.Clone();
        changed.Audit.ErrorCategory = category;
        return changed;
    }
}
