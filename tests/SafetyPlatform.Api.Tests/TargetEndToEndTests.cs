using System.Globalization;
using Grpc.Core;
using SafetyPlatform.Api.Performance.V1;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Work.V1;
using static SafetyPlatform.Api.Tests.RosterEndToEndTests;
using static SafetyPlatform.Api.Tests.WorkEndToEndTests;

namespace SafetyPlatform.Api.Tests;

/// <summary>
/// Individual and team targets through the real gateway on Azurite: set for a period, read back
/// with their attainment from the day's work and audits, listed, deleted; every wrong request
/// refused with a precise status. (A missed target's alert needs a period that has ended: the
/// grain test moves the fake clock past it.)
/// </summary>
[Collection(PlatformCollection.Name)]
public class TargetEndToEndTests(PlatformFixture fixture)
{
    private PerformanceService.PerformanceServiceClient Performance => fixture.Connection.Performance;

    // The teams of these tests keep Dublin's clock; the period runs from yesterday, so a test that straddles midnight still counts its day.
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Dublin")).DateTime);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static CreateTargetRequest NewTarget(string parent, string id, TargetMetric metric, double? atLeast, double? atMost, string requestId = "")
    {
        var target = new Target { Metric = metric, StartDate = Day(Today.AddDays(-1)), EndDate = Day(Today.AddDays(6)) };
        if (atLeast is { } floor)
        {
            target.AtLeast = floor;
        }

        if (atMost is { } ceiling)
        {
            target.AtMost = ceiling;
        }

        return new CreateTargetRequest { Parent = parent, TargetId = id, Target = target, RequestId = requestId };
    }

    private Task<WorkItem> Handled(Specialist specialist, Queue queue) => WorkEndToEndTests.Handled(fixture.Connection, specialist, queue);

    private Task<Audit> Audited(WorkItem item, bool agrees, int score) => Performance.CreateAuditAsync(new CreateAuditRequest
    {
        Parent = item.Name,
        Audit = new Audit
        {
            Auditor = "clients/qa-tool",
            Agrees = agrees,
            Score = score,
            ErrorCategory = agrees ? AuditErrorCategory.None : AuditErrorCategory.OverEnforcement,
            CorrectedDecision = agrees ? string.Empty : "keep",
        },
    }).ResponseAsync;

    [Fact]
    public async Task A_specialists_and_a_teams_targets_stand_as_the_days_work_and_audits_say()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");

        var accuracy = await Performance.CreateTargetAsync(NewTarget(aoife.Name, "accuracy", TargetMetric.Accuracy, 0.9, null));
        Assert.Equal((aoife.Name + "/targets/accuracy", TargetStatus.NotMeasured, false), (accuracy.Name, accuracy.Status, accuracy.HasValue));
        var quality = await Performance.CreateTargetAsync(NewTarget(team.Name, "quality", TargetMetric.Quality, 60, null));
        var handleTime = await Performance.CreateTargetAsync(NewTarget(team.Name, "aht", TargetMetric.AverageHandleTime, null, 3600));
        Assert.Equal((0.9, false, 3600.0, false), (accuracy.AtLeast, accuracy.HasAtMost, handleTime.AtMost, handleTime.HasAtLeast));

        // Two items done and audited: one agreed (score 90), one not (40). Accuracy 1/2 = 0.5 < 0.9; quality (90 + 40)/2 = 65 >= 60.
        await Audited(await Handled(aoife, queue), true, 90);
        await Audited(await Handled(aoife, queue), false, 40);

        accuracy = await Performance.GetTargetAsync(new GetTargetRequest { Name = accuracy.Name });
        Assert.Equal((0.5, TargetStatus.OffTrack), (accuracy.Value, accuracy.Status));
        quality = await Performance.GetTargetAsync(new GetTargetRequest { Name = quality.Name });
        Assert.Equal((65.0, TargetStatus.OnTrack), (quality.Value, quality.Status));
        handleTime = await Performance.GetTargetAsync(new GetTargetRequest { Name = handleTime.Name });
        Assert.Equal(TargetStatus.OnTrack, handleTime.Status);
        Assert.InRange(handleTime.Value, 0, 3600);

        // The team's targets, a page at a time, by id; one deleted is gone.
        var first = await Performance.ListTargetsAsync(new ListTargetsRequest { Parent = team.Name, PageSize = 1 });
        var rest = await Performance.ListTargetsAsync(new ListTargetsRequest { Parent = team.Name, PageSize = 1, PageToken = first.NextPageToken });
        Assert.Equal([handleTime.Name, quality.Name], first.Targets.Concat(rest.Targets).Select(t => t.Name));
        Assert.Empty(rest.NextPageToken);
        await Performance.DeleteTargetAsync(new DeleteTargetRequest { Name = handleTime.Name });
        await Expect.Status(StatusCode.NotFound, () => Performance.GetTargetAsync(new GetTargetRequest { Name = handleTime.Name }).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () => Performance.DeleteTargetAsync(new DeleteTargetRequest { Name = handleTime.Name }).ResponseAsync);
        Assert.Equal([quality.Name], (await Performance.ListTargetsAsync(new ListTargetsRequest { Parent = team.Name })).Targets.Select(t => t.Name));
    }

    [Fact]
    public async Task A_wrong_target_is_refused_with_a_precise_status_and_a_retry_gives_the_same_target()
    {
        var (team, _) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");

        await Expect.InvalidField("parent", () => Performance.CreateTargetAsync(NewTarget("queues/x", "t", TargetMetric.Accuracy, 0.9, null)).ResponseAsync);
        await Expect.InvalidField("target_id", () => Performance.CreateTargetAsync(NewTarget(aoife.Name, "Not An Id", TargetMetric.Accuracy, 0.9, null)).ResponseAsync);
        await Expect.InvalidField("target.metric", () => Performance.CreateTargetAsync(NewTarget(aoife.Name, "t", TargetMetric.Unspecified, 0.9, null)).ResponseAsync);
        await Expect.InvalidField("target.at_least", () => Performance.CreateTargetAsync(NewTarget(aoife.Name, "t", TargetMetric.Accuracy, null, null)).ResponseAsync);
        await Expect.InvalidField("target.at_least", () => Performance.CreateTargetAsync(NewTarget(aoife.Name, "t", TargetMetric.Accuracy, 95, null)).ResponseAsync);
        await Expect.InvalidField("target.at_most", () => Performance.CreateTargetAsync(NewTarget(aoife.Name, "t", TargetMetric.Quality, null, 101)).ResponseAsync);
        await Expect.InvalidField("target.at_least", () => Performance.CreateTargetAsync(NewTarget(aoife.Name, "t", TargetMetric.Occupancy, 0.9, 0.7)).ResponseAsync);
        var backwards = NewTarget(aoife.Name, "t", TargetMetric.Occupancy, 0.7, 0.85);
        backwards.Target.EndDate = Day(Today.AddDays(-2));
        await Expect.InvalidField("target.end_date", () => Performance.CreateTargetAsync(backwards).ResponseAsync);
        var tooLong = NewTarget(aoife.Name, "t", TargetMetric.Occupancy, 0.7, 0.85);
        tooLong.Target.EndDate = Day(Today.AddDays(400));
        await Expect.InvalidField("target.end_date", () => Performance.CreateTargetAsync(tooLong).ResponseAsync);
        var undated = NewTarget(aoife.Name, "t", TargetMetric.Occupancy, 0.7, 0.85);
        undated.Target.StartDate = "1 December";
        await Expect.InvalidField("target.start_date", () => Performance.CreateTargetAsync(undated).ResponseAsync);
        await Expect.InvalidField("name", () => Performance.GetTargetAsync(new GetTargetRequest { Name = aoife.Name + "/goals/t" }).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () => Performance.CreateTargetAsync(NewTarget("specialists/" + Unique("nobody"), "t", TargetMetric.Accuracy, 0.9, null)).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () => Performance.CreateTargetAsync(NewTarget("teams/" + Unique("noteam"), "t", TargetMetric.Accuracy, 0.9, null)).ResponseAsync);
        Assert.Empty((await Performance.ListTargetsAsync(new ListTargetsRequest { Parent = aoife.Name })).Targets);

        var occupancy = await Performance.CreateTargetAsync(NewTarget(aoife.Name, "occupancy", TargetMetric.Occupancy, 0.7, 0.85, "set-1"));
        Assert.Equal(occupancy, await Performance.CreateTargetAsync(NewTarget(aoife.Name, "occupancy", TargetMetric.Occupancy, 0.7, 0.85, "set-1")));
        await Expect.Status(StatusCode.AlreadyExists, () => Performance.CreateTargetAsync(NewTarget(aoife.Name, "occupancy", TargetMetric.Occupancy, 0.6, 0.8, "set-2")).ResponseAsync);
        Assert.Equal((0.7, 0.85), (occupancy.AtLeast, occupancy.AtMost));
    }
}
