using Grpc.Core;
using SafetyPlatform.Api.Performance.V1;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Work.V1;
using static SafetyPlatform.Api.Tests.RosterEndToEndTests;
using static SafetyPlatform.Api.Tests.WorkEndToEndTests;

namespace SafetyPlatform.Api.Tests;

/// <summary>A calibration session through the real gateway on Azurite: three auditors, the same four items, Fleiss' kappa.</summary>
[Collection(PlatformCollection.Name)]
public class CalibrationEndToEndTests(PlatformFixture fixture)
{
    private WorkService.WorkServiceClient Work => fixture.Connection.Work;

    private PerformanceService.PerformanceServiceClient Performance => fixture.Connection.Performance;

    private async Task<WorkItem> Removed(Specialist specialist, Queue queue)
    {
        var item = await Work.EnqueueWorkItemAsync(Report(queue, Unique("r")));
        await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = specialist.Name });
        await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = item.Name, Specialist = specialist.Name });
        return await Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = item.Name, Specialist = specialist.Name, Outcome = new Outcome { Decision = "remove" } });
    }

    private static Audit Verdict(string auditor, bool holdsRemoveRight) => holdsRemoveRight
        ? new Audit { Auditor = auditor, Agrees = true, Score = 90, ErrorCategory = AuditErrorCategory.None }
        : new Audit { Auditor = auditor, Agrees = false, Score = 30, ErrorCategory = AuditErrorCategory.OverEnforcement, CorrectedDecision = "keep" };

    [Fact]
    public async Task Three_auditors_on_the_same_four_items_give_fleiss_kappa_of_one_third_and_the_verdicts_are_kept_for_review()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        var items = new List<WorkItem>();
        for (var i = 0; i < 4; i++)
        {
            items.Add(await Removed(aoife, queue));
        }

        string[] auditors = ["specialists/qa-rosa", "specialists/qa-sam", "clients/policy-tool"];
        var id = Unique("calibration");
        var session = await Performance.CreateCalibrationSessionAsync(new CreateCalibrationSessionRequest
        {
            CalibrationSessionId = id,
            RequestId = "open-" + id,
            CalibrationSession = new CalibrationSession
            {
                DisplayName = "Hate speech EN, week 48",
                Auditors = { auditors },
                Items = { items.Select(i => new CalibrationItem { Item = i.Name }) },
            },
        });
        Assert.Equal(("calibrationSessions/" + id, 0), (session.Name, session.Results.CompleteItems));
        Assert.All(session.Items, i => Assert.Equal("remove", i.Decision));

        // R: "remove" held right, K: "keep". Item 1 RRR, item 2 RRK, item 3 KKK, item 4 RKK:
        // P̄ = (1 + 1/3 + 1 + 1/3)/4 = 2/3; p_R = p_K = 0.5, P̄e = 0.5; κ = (2/3 − 0.5)/0.5 = 1/3.
        string[] ratings = ["RRR", "RRK", "KKK", "RKK"];
        CalibrationSession latest = session;
        for (var i = 0; i < 4; i++)
        {
            for (var a = 0; a < 3; a++)
            {
                latest = await Performance.SubmitCalibrationVerdictAsync(new SubmitCalibrationVerdictRequest
                {
                    Name = session.Name, Item = items[i].Name, Verdict = Verdict(auditors[a], ratings[i][a] == 'R'),
                });
            }
        }

        var results = latest.Results;
        Assert.Equal((4, AgreementMeasure.FleissKappa), (results.CompleteItems, results.Measure));
        Assert.Equal(2.0 / 3, results.AgreementRate, 10);
        Assert.Equal(1.0 / 3, results.Kappa, 10);
        var overEnforcement = Assert.Single(results.Categories);
        Assert.Equal((AuditErrorCategory.OverEnforcement, 6), (overEnforcement.ErrorCategory, overEnforcement.Flagged));

        var kept = await Performance.GetCalibrationSessionAsync(new GetCalibrationSessionRequest { Name = session.Name });
        Assert.Equal(latest, kept);
        Assert.Equal(["keep", "keep", "keep"], kept.Items[2].Verdicts.Select(v => v.Verdict.CorrectedDecision));
        // Calibration measures the auditors, not the specialist: her accuracy has no audit in it.
        var mine = await fixture.Connection.Monitoring.GetSpecialistStatsAsync(new Api.Monitoring.V1.GetSpecialistStatsRequest { Name = aoife.Name + "/stats" });
        Assert.Equal(0, mine.Quality.Audited);
        // The same request opens nothing new; another open of the id is refused.
        Assert.Equal(kept, await Performance.CreateCalibrationSessionAsync(new CreateCalibrationSessionRequest
        {
            CalibrationSessionId = id, RequestId = "open-" + id,
            CalibrationSession = new CalibrationSession { DisplayName = "again", Auditors = { auditors }, Items = { new CalibrationItem { Item = items[0].Name } } },
        }));
    }

    [Fact]
    public async Task A_session_or_verdict_that_makes_no_sense_is_refused_with_a_precise_status()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        var done = await Removed(aoife, queue);
        var waiting = await Work.EnqueueWorkItemAsync(Report(queue, Unique("waiting")));
        CreateCalibrationSessionRequest Open(string id, params string[] itemNames) => new()
        {
            CalibrationSessionId = id,
            CalibrationSession = new CalibrationSession
            {
                DisplayName = "week 48", Auditors = { "specialists/qa-rosa", "specialists/qa-sam" }, Items = { itemNames.Select(n => new CalibrationItem { Item = n }) },
            },
        };

        await Expect.Status(StatusCode.FailedPrecondition, () => Performance.CreateCalibrationSessionAsync(Open(Unique("c"), done.Name, waiting.Name)).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () => Performance.CreateCalibrationSessionAsync(Open(Unique("c"), queue.Name + "/workItems/no-such-item")).ResponseAsync);
        await Expect.InvalidField("calibration_session.items[1].item", () => Performance.CreateCalibrationSessionAsync(Open(Unique("c"), done.Name, done.Name)).ResponseAsync);
        var lonely = Open(Unique("c"), done.Name);
        lonely.CalibrationSession.Auditors.RemoveAt(1);
        await Expect.InvalidField("calibration_session.auditors", () => Performance.CreateCalibrationSessionAsync(lonely).ResponseAsync);
        await Expect.InvalidField("calibration_session_id", () => Performance.CreateCalibrationSessionAsync(Open("Not An Id", done.Name)).ResponseAsync);

        var id = Unique("c");
        var session = await Performance.CreateCalibrationSessionAsync(Open(id, done.Name));
        await Expect.Status(StatusCode.AlreadyExists, () => Performance.CreateCalibrationSessionAsync(Open(id, done.Name)).ResponseAsync);
        await Expect.Status(StatusCode.PermissionDenied, () => Performance.SubmitCalibrationVerdictAsync(new SubmitCalibrationVerdictRequest
        {
            Name = session.Name, Item = done.Name, Verdict = Verdict("specialists/qa-tomas", true),
        }).ResponseAsync);
        await Expect.Status(StatusCode.FailedPrecondition, () => Performance.SubmitCalibrationVerdictAsync(new SubmitCalibrationVerdictRequest
        {
            Name = session.Name, Item = waiting.Name, Verdict = Verdict("specialists/qa-rosa", true),
        }).ResponseAsync);
        await Performance.SubmitCalibrationVerdictAsync(new SubmitCalibrationVerdictRequest { Name = session.Name, Item = done.Name, Verdict = Verdict("specialists/qa-rosa", true) });
        await Expect.Status(StatusCode.AlreadyExists, () => Performance.SubmitCalibrationVerdictAsync(new SubmitCalibrationVerdictRequest
        {
            Name = session.Name, Item = done.Name, Verdict = Verdict("specialists/qa-rosa", false),
        }).ResponseAsync);
        await Expect.InvalidField("verdict.score", () => Performance.SubmitCalibrationVerdictAsync(new SubmitCalibrationVerdictRequest
        {
            Name = session.Name, Item = done.Name, Verdict = new Audit { Auditor = "specialists/qa-sam", Agrees = true, Score = -1, ErrorCategory = AuditErrorCategory.None },
        }).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () => Performance.GetCalibrationSessionAsync(new GetCalibrationSessionRequest { Name = "calibrationSessions/" + Unique("none") }).ResponseAsync);

        // One auditor of two has spoken: nothing is complete, so nothing is measured yet.
        var halfway = await Performance.GetCalibrationSessionAsync(new GetCalibrationSessionRequest { Name = session.Name });
        Assert.Equal((0, false, AgreementMeasure.CohensKappa), (halfway.Results.CompleteItems, halfway.Results.HasKappa, halfway.Results.Measure));
        Assert.Single(halfway.Items[0].Verdicts);
    }
}
