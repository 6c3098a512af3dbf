using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Type.V1;
using SafetyPlatform.Api.Wellbeing.V1;
using SafetyPlatform.Api.Work.V1;
using static SafetyPlatform.Api.Tests.RosterEndToEndTests;
using static SafetyPlatform.Api.Tests.WorkEndToEndTests;

namespace SafetyPlatform.Api.Tests;

/// <summary>
/// Routing keeps each specialist within their team's wellbeing policy, through the real gateway:
/// an item that would break a limit goes to a colleague or waits, the specialist gets the next
/// item that fits, and ExplainRouting names the wellbeing rule that held the item back.
/// </summary>
[Collection(PlatformCollection.Name)]
public class WellbeingRoutingEndToEndTests(PlatformFixture fixture)
{
    private WorkService.WorkServiceClient Work => fixture.Connection.Work;

    /// <summary>A floor whose team runs with no limits but the ones <paramref name="policy"/> sets (the fields in <paramref name="paths"/>).</summary>
    private async Task<(Team Team, Queue Queue)> FloorWith(WellbeingPolicy policy, params string[] paths)
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        policy.Name = team.Name + "/wellbeingPolicy";
        await fixture.Connection.Wellbeing.UpdateWellbeingPolicyAsync(new UpdateWellbeingPolicyRequest
        {
            Policy = policy, UpdateMask = new FieldMask { Paths = { paths } }, Reason = "test", Actor = "specialists/lead-orla",
        });
        return (team, queue);
    }

    private Task<WorkItem> Arrives(Queue queue, HarmCategory category) => Arrives(Work, queue, category);

    private Task<WorkItem?> Next(Specialist specialist) => Next(Work, specialist);

    /// <summary>An item of <paramref name="category"/> arrives in <paramref name="queue"/>.</summary>
    internal static async Task<WorkItem> Arrives(WorkService.WorkServiceClient work, Queue queue, HarmCategory category)
    {
        var request = Report(queue, Unique("item"));
        request.WorkItem.HarmCategory = category;
        return await work.EnqueueWorkItemAsync(request);
    }

    /// <summary>What routing offers <paramref name="specialist"/> now; null for nothing.</summary>
    internal static async Task<WorkItem?> Next(WorkService.WorkServiceClient work, Specialist specialist) =>
        (await work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = specialist.Name })).WorkItem;

    private async Task Handle(Specialist specialist, WorkItem offer)
    {
        await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = offer.Name, Specialist = specialist.Name });
        await Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = offer.Name, Specialist = specialist.Name, Outcome = new Outcome { Decision = "remove" } });
    }

    [Fact]
    public async Task An_item_that_would_pass_a_budget_goes_to_a_colleague_and_routing_says_which_rule_held_it_back()
    {
        // One child-safety item per shift.
        var (team, queue) = await FloorWith(new WellbeingPolicy { Budgets = { new ExposureBudget { HarmCategory = HarmCategory.ChildSafety, ItemsPerShift = 1 } } }, "budgets");
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        var first = await Arrives(queue, HarmCategory.ChildSafety);
        Assert.Equal(first.Name, (await Next(aoife))!.Name);
        await Handle(aoife, first);

        var second = await Arrives(queue, HarmCategory.ChildSafety);
        Assert.Null(await Next(aoife));
        var explained = Assert.Single((await Work.ExplainRoutingAsync(new ExplainRoutingRequest { Specialist = aoife.Name, Queue = queue.Name })).Queues);
        Assert.Equal(EligibilityRule.Wellbeing, explained.BlockingRule);
        Assert.Contains("ShiftBudget", explained.Reason, StringComparison.Ordinal);

        // Hate speech still reaches her, past the child-safety item ahead of it; Bríd takes that one.
        var hate = await Arrives(queue, HarmCategory.HateSpeech);
        Assert.Equal(hate.Name, (await Next(aoife))!.Name);
        var brid = await AvailableSpecialist(fixture.Connection, team, "Brid");
        Assert.Equal(second.Name, (await Next(brid))!.Name);
    }

    [Fact]
    public async Task A_queue_with_an_override_holds_its_items_back_by_its_own_rules_while_the_teams_other_queue_goes_on()
    {
        // The team has no child-safety budget; its priority queue allows one child-safety item a shift.
        var (team, queue) = await NewFloor(fixture.Connection);
        var priority = await Work.CreateQueueAsync(new CreateQueueRequest
        {
            QueueId = Unique("priority"),
            Queue = new Queue { DisplayName = "Priority reports", HarmCategory = HarmCategory.HateSpeech, LanguageCodes = { "en" }, ServingTeams = { team.Name } },
        });
        var policy = await fixture.Connection.Wellbeing.UpdateWellbeingPolicyAsync(new UpdateWellbeingPolicyRequest
        {
            Policy = new WellbeingPolicy
            {
                Name = team.Name + "/wellbeingPolicy",
                QueueOverrides =
                {
                    new QueueWellbeingOverride { Queue = priority.Name, Budgets = { new ExposureBudget { HarmCategory = HarmCategory.ChildSafety, ItemsPerShift = 1 } } },
                },
            },
            UpdateMask = new FieldMask { Paths = { "queue_overrides" } },
            Reason = "priority reports are the worst we see",
            Actor = "specialists/lead-orla",
        });
        var kept = Assert.Single(policy.QueueOverrides);
        Assert.Equal((priority.Name, 1), (kept.Queue, kept.Budgets.Single().ItemsPerShift));

        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        var first = await Arrives(queue, HarmCategory.ChildSafety);
        Assert.Equal(first.Name, (await Next(aoife))!.Name);
        await Handle(aoife, first);

        // One child-safety item this shift: the priority queue's next one is held back from her, by its override ...
        var held = await Arrives(priority, HarmCategory.ChildSafety);
        Assert.Null(await Next(aoife));
        var explained = Assert.Single((await Work.ExplainRoutingAsync(new ExplainRoutingRequest { Specialist = aoife.Name, Queue = priority.Name })).Queues);
        Assert.Equal(EligibilityRule.Wellbeing, explained.BlockingRule);
        Assert.Contains("ShiftBudget", explained.Reason, StringComparison.Ordinal);
        Assert.Contains("the override for " + priority.Name, explained.Reason, StringComparison.Ordinal);

        // ... while the team's own queue, with no budget, still gives her child-safety work; Bríd, fresh, takes the priority item.
        var next = await Arrives(queue, HarmCategory.ChildSafety);
        Assert.Equal(next.Name, (await Next(aoife))!.Name);
        var brid = await AvailableSpecialist(fixture.Connection, team, "Brid");
        Assert.Equal(held.Name, (await Next(brid))!.Name);
    }

    [Fact]
    public async Task Two_offers_that_together_pass_a_budget_cannot_both_be_accepted()
    {
        var (team, queue) = await FloorWith(new WellbeingPolicy { Budgets = { new ExposureBudget { HarmCategory = HarmCategory.ChildSafety, ItemsPerShift = 1 } } }, "budgets");
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife", maxItems: 2);
        await Arrives(queue, HarmCategory.ChildSafety);
        await Arrives(queue, HarmCategory.ChildSafety);
        var (one, two) = ((await Next(aoife))!, (await Next(aoife))!);

        await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = one.Name, Specialist = aoife.Name });
        var refused = await Expect.Status(StatusCode.FailedPrecondition,
            () => Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = two.Name, Specialist = aoife.Name }).ResponseAsync);
        Assert.Contains("ShiftBudget", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_critical_item_the_cool_down_holds_the_next_critical_one_and_the_cut_off_holds_high_harm_work()
    {
        var (team, queue) = await FloorWith(new WellbeingPolicy { CoolDown = Duration.FromTimeSpan(TimeSpan.FromHours(1)) }, "cool_down");
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        var extremism = await Arrives(queue, HarmCategory.ViolentExtremism);
        var offered = (await Next(aoife))!;
        Assert.Equal(extremism.Name, offered.Name);
        await Handle(aoife, offered);

        await Arrives(queue, HarmCategory.ChildSafety);
        var selfHarm = await Arrives(queue, HarmCategory.SuicideSelfHarm);
        // The child-safety item waits out the cool-down; the self-harm item (high, not critical) does not.
        Assert.Equal(selfHarm.Name, (await Next(aoife))!.Name);

        // A cut-off at midnight: no high-harm work at any hour of the day; lower-harm work goes on.
        var (night, nightQueue) = await FloorWith(new WellbeingPolicy { HighHarmCutOff = "00:00" }, "high_harm_cut_off");
        var cian = await AvailableSpecialist(fixture.Connection, night, "Cian");
        await Arrives(nightQueue, HarmCategory.AnimalCruelty);
        var spam = await Arrives(nightQueue, HarmCategory.SpamScams);
        Assert.Equal(spam.Name, (await Next(cian))!.Name);
        await Handle(cian, spam);
        var explained = Assert.Single((await Work.ExplainRoutingAsync(new ExplainRoutingRequest { Specialist = cian.Name, Queue = nightQueue.Name })).Queues);
        Assert.Equal(EligibilityRule.Wellbeing, explained.BlockingRule);
        Assert.Contains("CutOff", explained.Reason, StringComparison.Ordinal);
    }

    private async Task ExpectItemsTakeOneSecond(Queue queue) =>
        await Work.UpdateQueueAsync(new UpdateQueueRequest { Queue = new Queue { Name = queue.Name, ExpectedHandleTime = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)) } });

    private async Task SetState(Specialist specialist, ActivityState state) =>
        await fixture.Connection.Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = specialist.Name, ActivityState = state });

    private async Task<EligibilityRule> BlockingRule(Specialist specialist, Queue queue, string contains)
    {
        var explained = Assert.Single((await Work.ExplainRoutingAsync(new ExplainRoutingRequest { Specialist = specialist.Name, Queue = queue.Name })).Queues);
        Assert.Contains(contains, explained.Reason, StringComparison.Ordinal);
        return explained.BlockingRule;
    }

    [Fact]
    public async Task A_wellness_break_is_enforced_once_due_and_high_harm_work_comes_back_after_it()
    {
        // Items of this queue are expected to take 1 s; a wellness break of 1 s is due after 1 s of high-harm work.
        var (team, queue) = await FloorWith(new WellbeingPolicy
        {
            WellnessBreakAfter = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)),
            WellnessBreak = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)),
        }, "wellness_break_after", "wellness_break");
        await ExpectItemsTakeOneSecond(queue);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        var first = await Arrives(queue, HarmCategory.SuicideSelfHarm);
        Assert.Equal(first.Name, (await Next(aoife))!.Name);
        await Handle(aoife, first);

        // Any high-harm time at all, plus the next item's 1 s, passes the 1 s: the break is due.
        var second = await Arrives(queue, HarmCategory.ViolentGraphic);
        Assert.Null(await Next(aoife));
        Assert.Equal(EligibilityRule.Wellbeing, await BlockingRule(aoife, queue, "WellnessBreakDue"));

        // Taking the break is one call; it counts once it has lasted 1 s, and then the item comes.
        await SetState(aoife, ActivityState.WellnessBreak);
        var onBreak = await fixture.Connection.Roster.GetSpecialistAsync(new GetSpecialistRequest { Name = aoife.Name });
        await Loopback.WaitUntil(() => Task.FromResult(DateTimeOffset.UtcNow - onBreak.ActivityStateStartTime.ToDateTimeOffset() > TimeSpan.FromSeconds(1.2)),
            TimeSpan.FromSeconds(10), () => "the break did not last a second");
        await SetState(aoife, ActivityState.Available);
        Assert.Equal(second.Name, (await Next(aoife))!.Name);
    }

    [Fact]
    public async Task On_a_wellness_break_items_in_hand_are_kept_or_returned_to_the_queue_as_the_policy_says()
    {
        // Kept (the default): Aoife finishes her item after the break.
        var (team, queue) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        var kept = await Arrives(queue, HarmCategory.HateSpeech);
        await Next(aoife);
        await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = kept.Name, Specialist = aoife.Name });
        await SetState(aoife, ActivityState.WellnessBreak);
        Assert.Equal(WorkItemStatus.Handling, (await Work.GetWorkItemAsync(new GetWorkItemRequest { Name = kept.Name })).Status);
        await SetState(aoife, ActivityState.Available);
        await Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = kept.Name, Specialist = aoife.Name, Outcome = new Outcome { Decision = "remove" } });

        // Returned: Bríd's item goes back to the queue at once, and Cian takes it.
        var (returning, returningQueue) = await FloorWith(new WellbeingPolicy { ReturnItemsOnWellnessBreak = true }, "return_items_on_wellness_break");
        var brid = await AvailableSpecialist(fixture.Connection, returning, "Brid");
        var returned = await Arrives(returningQueue, HarmCategory.HateSpeech);
        await Next(brid);
        await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = returned.Name, Specialist = brid.Name });
        await SetState(brid, ActivityState.WellnessBreak);
        await Loopback.WaitUntil(async () => (await Work.GetWorkItemAsync(new GetWorkItemRequest { Name = returned.Name })).Status == WorkItemStatus.Queued,
            TimeSpan.FromSeconds(10), () => "the item did not go back to its queue");
        var cian = await AvailableSpecialist(fixture.Connection, returning, "Cian");
        Assert.Equal(returned.Name, (await Next(cian))!.Name);
    }

    [Fact]
    public async Task The_lead_sees_a_reached_budget_and_a_due_break_on_her_alerts_stream()
    {
        // One self-harm item a shift; a wellness break after 1 s of high harm; items expected to take 1 s.
        var (team, queue) = await FloorWith(new WellbeingPolicy
        {
            Budgets = { new ExposureBudget { HarmCategory = HarmCategory.SuicideSelfHarm, ItemsPerShift = 1 } },
            WellnessBreakAfter = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)),
            WellnessBreak = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)),
        }, "budgets", "wellness_break_after", "wellness_break");
        await ExpectItemsTakeOneSecond(queue);
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var watch = fixture.Connection.Monitoring.WatchAlerts(new Api.Monitoring.V1.WatchAlertsRequest { Parent = team.Name }, cancellationToken: watching.Token);
        Assert.True(await watch.ResponseStream.MoveNext(watching.Token));

        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        var item = await Arrives(queue, HarmCategory.SuicideSelfHarm);
        await Next(aoife);
        await Handle(aoife, item);

        var kinds = new Dictionary<Api.Monitoring.V1.AlertKind, Api.Monitoring.V1.Alert>();
        while (!kinds.ContainsKey(Api.Monitoring.V1.AlertKind.ExposureLimitReached) || !kinds.ContainsKey(Api.Monitoring.V1.AlertKind.WellnessBreakDue))
        {
            Assert.True(await watch.ResponseStream.MoveNext(watching.Token));
            foreach (var alert in watch.ResponseStream.Current.Alerts.Where(a => a.Subject == aoife.Name))
            {
                kinds[alert.Kind] = alert;
            }
        }

        var reached = kinds[Api.Monitoring.V1.AlertKind.ExposureLimitReached];
        Assert.Equal((100.0, 100.0), (reached.Value, reached.Threshold));
        Assert.Contains("SuicideSelfHarm items this shift", reached.Summary, StringComparison.Ordinal);
        Assert.StartsWith(team.Name + "/alerts/", kinds[Api.Monitoring.V1.AlertKind.WellnessBreakDue].Name, StringComparison.Ordinal);
    }
}
