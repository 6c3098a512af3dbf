using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Work.V1;
using SafetyPlatform.Client;
using static SafetyPlatform.Api.Tests.RosterEndToEndTests;
using HarmCategory = SafetyPlatform.Api.Type.V1.HarmCategory;

namespace SafetyPlatform.Api.Tests;

/// <summary>Queues and routing through the real gateway, to a real silo, on real Azurite.</summary>
[Collection(PlatformCollection.Name)]
public class WorkEndToEndTests(PlatformFixture fixture)
{
    private RosterService.RosterServiceClient Roster => fixture.Connection.Roster;

    private WorkService.WorkServiceClient Work => fixture.Connection.Work;

    internal static async Task<(Team Team, Queue Queue)> NewFloor(SafetyConnection connection, int maxBacklog = 0)
    {
        var team = await NewTeam(connection.Roster);
        await WellbeingOff(connection, team);
        var queue = await connection.Work.CreateQueueAsync(new CreateQueueRequest
        {
            QueueId = Unique("queue"),
            Queue = new Queue
            {
                DisplayName = "Hate speech EN",
                HarmCategory = HarmCategory.HateSpeech,
                LanguageCodes = { "en" },
                ServingTeams = { team.Name },
                MaxBacklog = maxBacklog,
            },
        });
        return (team, queue);
    }

    /// <summary>Routing tests that are not about wellbeing run their team with no wellbeing limits.</summary>
    internal static Task WellbeingOff(SafetyConnection connection, Team team) => Infrastructure.WellbeingOff.For(connection, team.Name);

    internal static async Task<Specialist> AvailableSpecialist(SafetyConnection connection, Team team, string name, int maxItems = 1)
    {
        var specialist = await connection.Roster.CreateSpecialistAsync(new CreateSpecialistRequest
        {
            Parent = team.Name,
            Specialist = new Specialist(Person(name)) { MaxConcurrentItems = maxItems },
        });
        return await connection.Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = specialist.Name, ActivityState = ActivityState.Available });
    }

    /// <summary>One item enqueued, offered to, accepted and completed by <paramref name="specialist"/> with <paramref name="decision"/>.</summary>
    internal static async Task<WorkItem> Handled(SafetyConnection connection, Specialist specialist, Queue queue, string decision = "remove")
    {
        var item = await connection.Work.EnqueueWorkItemAsync(Report(queue, Unique("r")));
        var offer = (await connection.Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = specialist.Name })).WorkItem;
        Assert.Equal(item.Name, offer?.Name);
        await connection.Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = item.Name, Specialist = specialist.Name });
        return await connection.Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = item.Name, Specialist = specialist.Name, Outcome = new Outcome { Decision = decision } });
    }

    internal static EnqueueWorkItemRequest Report(Queue queue, string requestId, Priority priority = Priority.P2) => new()
    {
        Parent = queue.Name,
        RequestId = requestId,
        WorkItem = new WorkItem
        {
            Client = "moderation-tool",
            Content = new ContentReference { ContentId = "post-" + requestId, Uri = "https://content.example/posts/" + requestId },
            HarmCategory = HarmCategory.HateSpeech,
            Priority = priority,
            LanguageCode = "en",
            Labels = { ["source"] = "user-report" },
        },
    };

    /// <summary>
    /// Waits for a specialist who finished their last item to read AVAILABLE: they stay HANDLING
    /// for the idle grace (Routing:IdleGrace, 2 s) in case they take the next item at once.
    /// </summary>
    private async Task AvailableAgain(Specialist specialist)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while ((await Roster.GetSpecialistAsync(new GetSpecialistRequest { Name = specialist.Name })).ActivityState != ActivityState.Available)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }

    [Fact]
    public async Task An_item_goes_from_the_tool_to_one_specialist_and_its_outcome_is_kept()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        var item = await Work.EnqueueWorkItemAsync(Report(queue, RequestIds.New(), Priority.P1));
        Assert.Equal(WorkItemStatus.Queued, item.Status);
        Assert.True(item.Deadline.ToDateTimeOffset() - item.ArriveTime.ToDateTimeOffset() == TimeSpan.FromHours(1), "P1 deadline is arrival + 1 h");

        var offer = (await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = aoife.Name })).WorkItem;
        Assert.Equal(item.Name, offer.Name);
        Assert.Equal(WorkItemStatus.Reserved, offer.Status);
        Assert.Equal(aoife.Name, offer.Holder);

        var accepted = await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = item.Name, Specialist = aoife.Name });
        Assert.Equal(WorkItemStatus.Handling, accepted.Status);
        Assert.Equal(ActivityState.Handling, (await Roster.GetSpecialistAsync(new GetSpecialistRequest { Name = aoife.Name })).ActivityState);
        var desk = await Work.GetSpecialistWorkAsync(new GetSpecialistWorkRequest { Specialist = aoife.Name });
        Assert.Equal(item.Name, Assert.Single(desk.HeldItems).Name);

        var done = await Work.CompleteWorkItemAsync(new CompleteWorkItemRequest
        {
            Name = item.Name, Specialist = aoife.Name, Outcome = new Outcome { Decision = "remove", Policy = "HS-2.1", Notes = "slur" },
        });
        Assert.Equal(WorkItemStatus.Completed, done.Status);
        Assert.Equal("remove", done.Outcome.Decision);
        Assert.Equal(aoife.Name, done.Outcome.Specialist);
        await AvailableAgain(aoife);

        var read = await Work.GetWorkItemAsync(new GetWorkItemRequest { Name = item.Name });
        Assert.Equal(["enqueued", "offered", "accepted", "completed"], read.History.Select(h => h.Action));
        Assert.Equal("specialists/" + aoife.Name["specialists/".Length..], read.History[2].Actor);
        var after = await Work.GetSpecialistWorkAsync(new GetSpecialistWorkRequest { Specialist = aoife.Name });
        Assert.Equal(1, after.HandledToday);
        Assert.Empty(after.HeldItems);
    }

    [Fact]
    public async Task Enqueue_is_idempotent_on_the_request_id()
    {
        var (_, queue) = await NewFloor(fixture.Connection);
        var request = Report(queue, RequestIds.New());

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Work.EnqueueWorkItemAsync(request).ResponseAsync));

        Assert.Single(results.Select(r => r.Name).Distinct());
        Assert.Equal(1, (await Work.GetQueueAsync(new GetQueueRequest { Name = queue.Name })).Depth);
    }

    [Fact]
    public async Task A_batch_reports_each_item_on_its_own()
    {
        var (_, queue) = await NewFloor(fixture.Connection);
        var bad = Report(queue, RequestIds.New());
        bad.WorkItem.Priority = Priority.Unspecified;
        var batch = new BatchEnqueueWorkItemsRequest { Parent = queue.Name, Requests = { Report(queue, RequestIds.New()), bad, Report(queue, RequestIds.New()) } };

        var response = await Work.BatchEnqueueWorkItemsAsync(batch);

        Assert.Equal([0, (int)StatusCode.InvalidArgument, 0], response.Results.Select(r => r.Code));
        Assert.Equal("requests[1].work_item.priority", response.Results[1].Field);
        Assert.Equal(2, (await Work.GetQueueAsync(new GetQueueRequest { Name = queue.Name })).Depth);
    }

    [Fact]
    public async Task A_full_queue_is_resource_exhausted_and_keeps_nothing()
    {
        var (_, queue) = await NewFloor(fixture.Connection, maxBacklog: 2);
        await Work.EnqueueWorkItemAsync(Report(queue, RequestIds.New()));
        await Work.EnqueueWorkItemAsync(Report(queue, RequestIds.New()));

        await Expect.Status(StatusCode.ResourceExhausted, () => Work.EnqueueWorkItemAsync(Report(queue, RequestIds.New())).ResponseAsync);

        var items = await Work.ListWorkItemsAsync(new ListWorkItemsRequest { Parent = queue.Name });
        Assert.Equal(2, items.WorkItems.Count);
    }

    [Fact]
    public async Task A_specialist_without_the_skill_is_offered_nothing()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        await Work.EnqueueWorkItemAsync(Report(queue, RequestIds.New()));
        var spam = await Roster.CreateSpecialistAsync(new CreateSpecialistRequest
        {
            Parent = team.Name,
            Specialist = new Specialist
            {
                DisplayName = "Spam only",
                PolicySkills = { new PolicySkill { HarmCategory = HarmCategory.SpamScams, Proficiency = Proficiency.Expert } },
                LanguageSkills = { new LanguageSkill { LanguageCode = "en", Proficiency = Proficiency.Expert } },
            },
        });
        await Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = spam.Name, ActivityState = ActivityState.Available });

        var next = await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = spam.Name });

        Assert.Null(next.WorkItem);
        Assert.Equal(1, (await Work.GetQueueAsync(new GetQueueRequest { Name = queue.Name })).Depth);
    }

    [Fact]
    public async Task Changes_out_of_turn_are_failed_precondition_and_change_nothing()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var holder = await AvailableSpecialist(fixture.Connection, team, "Holder");
        var other = await AvailableSpecialist(fixture.Connection, team, "Other");
        var item = await Work.EnqueueWorkItemAsync(Report(queue, RequestIds.New()));
        var outcome = new Outcome { Decision = "remove" };

        await Expect.Status(StatusCode.FailedPrecondition, () =>
            Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = item.Name, Specialist = holder.Name, Outcome = outcome }).ResponseAsync);
        await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = holder.Name });
        await Expect.Status(StatusCode.FailedPrecondition, () =>
            Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = item.Name, Specialist = other.Name }).ResponseAsync);
        await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = item.Name, Specialist = holder.Name });
        await Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = item.Name, Specialist = holder.Name, Outcome = outcome });
        var before = await Work.GetWorkItemAsync(new GetWorkItemRequest { Name = item.Name });

        await Expect.Status(StatusCode.FailedPrecondition, () =>
            Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = item.Name, Specialist = holder.Name, Outcome = new Outcome { Decision = "keep" } }).ResponseAsync);

        Assert.Equal(before, await Work.GetWorkItemAsync(new GetWorkItemRequest { Name = item.Name }));
    }

    [Fact]
    public async Task Rejected_and_released_items_return_to_the_queue_with_their_deadline()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var first = await AvailableSpecialist(fixture.Connection, team, "First");
        var second = await AvailableSpecialist(fixture.Connection, team, "Second");
        var item = await Work.EnqueueWorkItemAsync(Report(queue, RequestIds.New(), Priority.P0));

        await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = first.Name });
        await Work.RejectWorkItemAsync(new RejectWorkItemRequest { Name = item.Name, Specialist = first.Name, Reason = "knows the poster" });
        Assert.Null((await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = first.Name })).WorkItem);
        Assert.Equal(item.Name, (await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = second.Name })).WorkItem.Name);
        await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = item.Name, Specialist = second.Name });
        var released = await Work.ReleaseWorkItemAsync(new ReleaseWorkItemRequest { Name = item.Name, Specialist = second.Name, Reason = "needs legal" });

        Assert.Equal(WorkItemStatus.Queued, released.Status);
        Assert.Equal(item.Deadline, released.Deadline);
        Assert.Equal(item.ArriveTime, released.ArriveTime);
        await AvailableAgain(second);
    }

    [Fact]
    public async Task Specialists_racing_through_the_gateway_handle_every_item_exactly_once()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var batch = new BatchEnqueueWorkItemsRequest { Parent = queue.Name };
        batch.Requests.AddRange(Enumerable.Range(0, 200).Select(i => Report(queue, RequestIds.New(), (Priority)(1 + (i % 4)))));
        var enqueued = await Work.BatchEnqueueWorkItemsAsync(batch);
        var specialists = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => AvailableSpecialist(fixture.Connection, team, $"Racer {i}", maxItems: 2)));
        var handledBy = new ConcurrentDictionary<string, string>();

        await Task.WhenAll(specialists.SelectMany(s => Enumerable.Range(0, 2).Select(async _ =>
        {
            while ((await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = s.Name })).WorkItem is { } offer)
            {
                await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = offer.Name, Specialist = s.Name });
                await Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = offer.Name, Specialist = s.Name, Outcome = new Outcome { Decision = "remove" } });
                Assert.True(handledBy.TryAdd(offer.Name, s.Name), $"{offer.Name} was delivered twice");
            }
        })));

        Assert.Equal(enqueued.Results.Select(r => r.WorkItem.Name).Order(), handledBy.Keys.Order());
        var final = await Work.GetQueueAsync(new GetQueueRequest { Name = queue.Name });
        Assert.Equal(0, final.Depth);
        Assert.Equal(0, final.InProgress);
    }

    [Fact]
    public async Task An_item_escalated_to_the_leads_queue_keeps_its_deadline_and_the_old_name_points_to_it()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var leadQueue = await Work.CreateQueueAsync(new CreateQueueRequest
        {
            Queue = new Queue { DisplayName = "Lead escalations", HarmCategory = HarmCategory.HateSpeech, ServingTeams = { team.Name } },
        });
        await Work.UpdateQueueAsync(new UpdateQueueRequest { Queue = new Queue { Name = queue.Name, EscalationQueue = leadQueue.Name } });
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        var item = await Work.EnqueueWorkItemAsync(Report(queue, RequestIds.New(), Priority.P0));
        await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = aoife.Name });
        await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = item.Name, Specialist = aoife.Name });

        var escalated = await Work.EscalateWorkItemAsync(new EscalateWorkItemRequest { Name = item.Name, Specialist = aoife.Name, Reason = "credible threat" });

        Assert.Equal(WorkItemStatus.Escalated, escalated.Status);
        Assert.StartsWith(leadQueue.Name + "/workItems/", escalated.EscalatedTo, StringComparison.Ordinal);
        var moved = await Work.GetWorkItemAsync(new GetWorkItemRequest { Name = escalated.EscalatedTo });
        Assert.Equal(WorkItemStatus.Queued, moved.Status);
        Assert.Equal(item.Deadline, moved.Deadline);
        Assert.Equal(item.ArriveTime, moved.ArriveTime);
        Assert.Equal("credible threat", moved.History[^1].Reason);
        await AvailableAgain(aoife);
        await Expect.Status(StatusCode.FailedPrecondition, () =>
            Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = item.Name, Specialist = aoife.Name, Outcome = new Outcome { Decision = "remove" } }).ResponseAsync);
    }

    [Fact]
    public async Task A_transferred_item_is_offered_to_the_named_specialist()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var from = await AvailableSpecialist(fixture.Connection, team, "From");
        var to = await AvailableSpecialist(fixture.Connection, team, "To");
        var item = await Work.EnqueueWorkItemAsync(Report(queue, RequestIds.New()));
        await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = from.Name });
        await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = item.Name, Specialist = from.Name });

        var offered = await Work.TransferWorkItemAsync(new TransferWorkItemRequest { Name = item.Name, Specialist = from.Name, TargetSpecialist = to.Name, Reason = "second opinion" });

        Assert.Equal(WorkItemStatus.Reserved, offered.Status);
        Assert.Equal(to.Name, offered.Holder);
        await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = item.Name, Specialist = to.Name });
        await AvailableAgain(from);
        Assert.Equal(ActivityState.Handling, (await Roster.GetSpecialistAsync(new GetSpecialistRequest { Name = to.Name })).ActivityState);
        await Expect.Status(StatusCode.NotFound, () =>
            Work.TransferWorkItemAsync(new TransferWorkItemRequest { Name = item.Name, Specialist = to.Name, TargetSpecialist = "specialists/nobody-here" }).ResponseAsync);
    }

    [Fact]
    public async Task A_tool_watching_outcomes_gets_each_decision_and_after_reconnecting_only_what_it_did_not_acknowledge()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        var client = Unique("tool");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var decided = new List<string>();
        using (var watch = Work.WatchOutcomes(new WatchOutcomesRequest { Client = client }, cancellationToken: timeout.Token))
        {
            for (var i = 0; i < 3; i++)
            {
                var report = Report(queue, RequestIds.New());
                report.WorkItem.Client = client;
                var item = await Work.EnqueueWorkItemAsync(report);
                await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = aoife.Name });
                await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = item.Name, Specialist = aoife.Name });
                await Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = item.Name, Specialist = aoife.Name, Outcome = new Outcome { Decision = $"decision-{i}" } });
                decided.Add(item.Name);

                Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
                var notice = watch.ResponseStream.Current;
                Assert.Equal(i + 1, notice.Sequence);
                Assert.Equal(item.Name, notice.WorkItem.Name);
                Assert.Equal($"decision-{i}", notice.WorkItem.Outcome.Decision);
            }
        }

        Assert.Equal(1, (await Work.AcknowledgeOutcomesAsync(new AcknowledgeOutcomesRequest { Client = client, Sequence = 1 })).AcknowledgedSequence);
        using (var again = Work.WatchOutcomes(new WatchOutcomesRequest { Client = client }, cancellationToken: timeout.Token))
        {
            Assert.True(await again.ResponseStream.MoveNext(timeout.Token));
            Assert.Equal(2, again.ResponseStream.Current.Sequence);
            Assert.Equal(decided[1], again.ResponseStream.Current.WorkItem.Name);
            Assert.True(await again.ResponseStream.MoveNext(timeout.Token));
            Assert.Equal(3, again.ResponseStream.Current.Sequence);
        }
    }

    [Fact]
    public async Task A_specialist_holding_an_offer_stream_gets_items_as_they_arrive()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var offers = Work.StreamOffers(new StreamOffersRequest { Specialist = aoife.Name }, cancellationToken: timeout.Token);

        for (var i = 0; i < 2; i++)
        {
            var item = await Work.EnqueueWorkItemAsync(Report(queue, RequestIds.New()));
            Assert.True(await offers.ResponseStream.MoveNext(timeout.Token));
            var offer = offers.ResponseStream.Current;
            Assert.Equal(item.Name, offer.Name);
            Assert.Equal(WorkItemStatus.Reserved, offer.Status);
            Assert.Equal(aoife.Name, offer.Holder);
            await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = offer.Name, Specialist = aoife.Name });
            await Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = offer.Name, Specialist = aoife.Name, Outcome = new Outcome { Decision = "remove" } });
        }
    }

    [Fact]
    public async Task Items_page_by_status()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var batch = new BatchEnqueueWorkItemsRequest { Parent = queue.Name };
        batch.Requests.AddRange(Enumerable.Range(0, 5).Select(_ => Report(queue, RequestIds.New())));
        await Work.BatchEnqueueWorkItemsAsync(batch);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = aoife.Name });

        var queued = new List<WorkItem>();
        var token = string.Empty;
        do
        {
            var page = await Work.ListWorkItemsAsync(new ListWorkItemsRequest { Parent = queue.Name, Status = WorkItemStatus.Queued, PageSize = 2, PageToken = token });
            queued.AddRange(page.WorkItems);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(4, queued.Count);
        Assert.All(queued, i => Assert.Equal(WorkItemStatus.Queued, i.Status));
        Assert.Single((await Work.ListWorkItemsAsync(new ListWorkItemsRequest { Parent = queue.Name, Status = WorkItemStatus.Reserved })).WorkItems);
    }
}
