using Grpc.Core;
using SafetyPlatform.Api.Monitoring.V1;
using SafetyPlatform.Api.Performance.V1;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Work.V1;
using SafetyPlatform.Client;
using static SafetyPlatform.Api.Tests.RosterEndToEndTests;
using static SafetyPlatform.Api.Tests.WorkEndToEndTests;

namespace SafetyPlatform.Api.Tests;

/// <summary>
/// Golden items through the real gateway on Azurite: seeded by a QA lead, routed and shown like
/// any other item, scored on completion apart from audits, and never sent to the client's outbox.
/// </summary>
[Collection(PlatformCollection.Name)]
public class GoldenItemEndToEndTests(PlatformFixture fixture)
{
    private WorkService.WorkServiceClient Work => fixture.Connection.Work;

    private PerformanceService.PerformanceServiceClient Performance => fixture.Connection.Performance;

    private async Task<WorkItem> Handle(Specialist specialist, string itemName, string decision)
    {
        var offer = (await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = specialist.Name })).WorkItem;
        Assert.Equal(itemName, offer.Name);
        await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = offer.Name, Specialist = specialist.Name });
        await Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = offer.Name, Specialist = specialist.Name, Outcome = new Outcome { Decision = decision } });
        return offer;
    }

    [Fact]
    public async Task A_golden_item_looks_like_any_other_is_scored_apart_from_audits_and_never_reaches_the_clients_outbox()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        var client = Unique("tool");
        EnqueueWorkItemRequest Reported()
        {
            var report = Report(queue, RequestIds.New());
            report.WorkItem.Client = client;
            return report;
        }

        // Two golden items whose answer is "escalate-to-law-enforcement", then an ordinary report from the same client.
        var goldens = new List<GoldenItem>();
        for (var i = 0; i < 2; i++)
        {
            var seeded = Reported();
            goldens.Add(await Performance.CreateGoldenItemAsync(new CreateGoldenItemRequest
            {
                Parent = queue.Name, WorkItem = seeded.WorkItem, RequestId = seeded.RequestId, Answer = "escalate-to-law-enforcement",
            }));
        }

        var ordinary = await Work.EnqueueWorkItemAsync(Reported());
        Assert.False(goldens[0].Scored);

        // The specialist's offer of a golden item has the same fields as an ordinary one, and no trace of the answer.
        var golden = await Handle(aoife, goldens[0].Name, " Escalate-To-Law-Enforcement ");
        Assert.DoesNotContain("law-enforcement", golden.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ordinary.Labels, golden.Labels);
        await Handle(aoife, goldens[1].Name, "remove");
        await Handle(aoife, ordinary.Name, "remove");

        var first = await Performance.GetGoldenItemAsync(new GetGoldenItemRequest { Name = goldens[0].Name });
        Assert.Equal((true, true, aoife.Name), (first.Scored, first.Correct, first.Specialist));
        var second = await Performance.GetGoldenItemAsync(new GetGoldenItemRequest { Name = goldens[1].Name });
        Assert.Equal((true, false, "remove"), (second.Scored, second.Correct, second.Decision));

        // One of two correct: golden accuracy 0.5, and nothing in the audits' numbers.
        var mine = (await fixture.Connection.Monitoring.GetSpecialistStatsAsync(new GetSpecialistStatsRequest { Name = aoife.Name + "/stats" })).Quality;
        Assert.Equal((2, 1, 0.5, 0, false), (mine.GoldenScored, mine.GoldenCorrect, mine.GoldenAccuracy, mine.Audited, mine.HasAccuracy));
        var queueStats = await fixture.Connection.Monitoring.GetQueueStatsAsync(new GetQueueStatsRequest { Name = queue.Name + "/stats" });
        Assert.Equal(2, queueStats.Intervals[2].Quality.GoldenScored + queueStats.Intervals[3].Quality.GoldenScored);

        // The client's outbox holds the ordinary outcome only: it was decided after both golden ones, so they would be before it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = Work.WatchOutcomes(new WatchOutcomesRequest { Client = client }, cancellationToken: timeout.Token);
        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
        Assert.Equal((1L, ordinary.Name), (watch.ResponseStream.Current.Sequence, watch.ResponseStream.Current.WorkItem.Name));
    }

    [Fact]
    public async Task A_golden_item_needs_an_answer_and_an_ordinary_item_is_not_golden()
    {
        var (_, queue) = await NewFloor(fixture.Connection);
        var report = Report(queue, RequestIds.New());
        await Expect.InvalidField("answer", () => Performance.CreateGoldenItemAsync(new CreateGoldenItemRequest
        {
            Parent = queue.Name, WorkItem = report.WorkItem, RequestId = report.RequestId, Answer = " ",
        }).ResponseAsync);
        await Expect.InvalidField("request_id", () => Performance.CreateGoldenItemAsync(new CreateGoldenItemRequest
        {
            Parent = queue.Name, WorkItem = report.WorkItem, Answer = "remove",
        }).ResponseAsync);

        var ordinary = await Work.EnqueueWorkItemAsync(report);
        await Expect.Status(StatusCode.NotFound, () => Performance.GetGoldenItemAsync(new GetGoldenItemRequest { Name = ordinary.Name }).ResponseAsync);
        // The client's request id already names an ordinary item: it is not made golden.
        await Expect.Status(StatusCode.AlreadyExists, () => Performance.CreateGoldenItemAsync(new CreateGoldenItemRequest
        {
            Parent = queue.Name, WorkItem = report.WorkItem, RequestId = report.RequestId, Answer = "remove",
        }).ResponseAsync);
    }
}
