using Grpc.Core;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Work.V1;
using static SafetyPlatform.Api.Tests.RosterEndToEndTests;
using static SafetyPlatform.Api.Tests.WorkEndToEndTests;

namespace SafetyPlatform.Api.Tests;

/// <summary>"Why is she getting nothing?" answered through the real gateway.</summary>
[Collection(PlatformCollection.Name)]
public class ExplainRoutingTests(PlatformFixture fixture)
{
    private WorkService.WorkServiceClient Work => fixture.Connection.Work;

    private RosterService.RosterServiceClient Roster => fixture.Connection.Roster;

    [Fact]
    public async Task A_specialist_on_break_is_told_her_activity_state_keeps_her_from_every_queue()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        await Work.EnqueueWorkItemAsync(Report(queue, Unique("r")));
        await Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = aoife.Name, ActivityState = ActivityState.Break });

        var explained = Assert.Single((await Work.ExplainRoutingAsync(new ExplainRoutingRequest { Specialist = aoife.Name })).Queues);

        Assert.Equal(queue.Name, explained.Queue);
        Assert.Equal(EligibilityRule.ActivityState, explained.BlockingRule);
        Assert.Contains("BREAK", explained.Reason, StringComparison.Ordinal);
        Assert.Null(explained.NextWorkItem);
    }

    [Fact]
    public async Task An_available_specialist_is_shown_the_item_she_would_get_next_and_why_and_nothing_is_reserved()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        await Work.EnqueueWorkItemAsync(Report(queue, Unique("low"), Priority.P3));
        var urgent = await Work.EnqueueWorkItemAsync(Report(queue, Unique("urgent"), Priority.P0));

        var explained = Assert.Single((await Work.ExplainRoutingAsync(new ExplainRoutingRequest { Specialist = aoife.Name, Queue = queue.Name })).Queues);

        Assert.Equal(EligibilityRule.Unspecified, explained.BlockingRule);
        Assert.Equal(urgent.Name, explained.NextWorkItem.Name);
        Assert.Contains("P0", explained.Reason, StringComparison.Ordinal);
        Assert.Equal(WorkItemStatus.Queued, (await Work.GetWorkItemAsync(new GetWorkItemRequest { Name = urgent.Name })).Status);
        Assert.Equal(urgent.Name, (await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = aoife.Name })).WorkItem.Name);
    }

    [Fact]
    public async Task A_queue_her_team_does_not_serve_names_the_team_rule()
    {
        var (team, _) = await NewFloor(fixture.Connection);
        var (_, otherQueue) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");

        var explained = Assert.Single((await Work.ExplainRoutingAsync(new ExplainRoutingRequest { Specialist = aoife.Name, Queue = otherQueue.Name })).Queues);

        Assert.Equal(EligibilityRule.TeamServesQueue, explained.BlockingRule);
        Assert.Contains(team.Name, explained.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_she_rejected_is_named_as_the_reason_she_is_offered_nothing()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        var item = await Work.EnqueueWorkItemAsync(Report(queue, Unique("r")));
        var offer = (await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = aoife.Name })).WorkItem;
        await Work.RejectWorkItemAsync(new RejectWorkItemRequest { Name = offer.Name, Specialist = aoife.Name, Reason = "conflict of interest" });

        var explained = Assert.Single((await Work.ExplainRoutingAsync(new ExplainRoutingRequest { Specialist = aoife.Name })).Queues);

        Assert.Equal(EligibilityRule.RejectedBefore, explained.BlockingRule);
        Assert.Contains(item.Name, explained.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("specialists/nobody-explained", "", StatusCode.NotFound)]
    [InlineData("Specialists/Bad", "", StatusCode.InvalidArgument)]
    [InlineData("", "queues/x", StatusCode.InvalidArgument)]
    public async Task Bad_names_are_refused(string specialist, string queue, StatusCode expected)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Work.ExplainRoutingAsync(new ExplainRoutingRequest { Specialist = specialist, Queue = queue }).ResponseAsync);
        Assert.Equal(expected, error.StatusCode);
    }

    [Fact]
    public async Task An_unknown_queue_is_not_found()
    {
        var (team, _) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Work.ExplainRoutingAsync(new ExplainRoutingRequest { Specialist = aoife.Name, Queue = "queues/nowhere-explained" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
