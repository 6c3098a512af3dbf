using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Work.V1;
using static SafetyPlatform.Api.Tests.WorkEndToEndTests;
using HarmCategory = SafetyPlatform.Api.Type.V1.HarmCategory;

namespace SafetyPlatform.Api.Tests;

/// <summary>Malformed work requests: INVALID_ARGUMENT naming the field, or NOT_FOUND, and nothing changes.</summary>
[Collection(PlatformCollection.Name)]
public class WorkBadInputTests(PlatformFixture fixture)
{
    private const string Queue = "queues/bad-work";
    private const string Aoife = "specialists/bad-work-aoife";

    private static EnqueueWorkItemRequest With(Action<EnqueueWorkItemRequest> change)
    {
        var request = Report(new Queue { Name = Queue }, "bad-" + Guid.NewGuid().ToString("N"));
        change(request);
        return request;
    }

    private static readonly Dictionary<string, (string Field, Func<WorkService.WorkServiceClient, Task> Call)> Invalid = new()
    {
        ["priority unspecified"] = ("work_item.priority", w => w.EnqueueWorkItemAsync(With(r => r.WorkItem.Priority = Priority.Unspecified)).ResponseAsync),
        ["priority unknown"] = ("work_item.priority", w => w.EnqueueWorkItemAsync(With(r => r.WorkItem.Priority = (Priority)9)).ResponseAsync),
        ["harm category unspecified"] = ("work_item.harm_category", w => w.EnqueueWorkItemAsync(With(r => r.WorkItem.HarmCategory = HarmCategory.Unspecified)).ResponseAsync),
        ["deadline in the past"] = ("work_item.deadline", w => w.EnqueueWorkItemAsync(With(r => r.WorkItem.Deadline = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1)))).ResponseAsync),
        ["empty content reference"] = ("work_item.content.content_id", w => w.EnqueueWorkItemAsync(With(r => r.WorkItem.Content.ContentId = "")).ResponseAsync),
        ["content missing"] = ("work_item.content", w => w.EnqueueWorkItemAsync(With(r => r.WorkItem.Content = null)).ResponseAsync),
        ["content uri not absolute"] = ("work_item.content.uri", w => w.EnqueueWorkItemAsync(With(r => r.WorkItem.Content.Uri = "posts/1")).ResponseAsync),
        ["too many labels"] = ("work_item.labels", w => w.EnqueueWorkItemAsync(With(r => r.WorkItem.Labels.Add(Enumerable.Range(0, 21).ToDictionary(i => $"k{i}", i => "v")))).ResponseAsync),
        ["label too long"] = ("work_item.labels", w => w.EnqueueWorkItemAsync(With(r => r.WorkItem.Labels["note"] = new string('x', 101))).ResponseAsync),
        ["request id missing"] = ("request_id", w => w.EnqueueWorkItemAsync(With(r => r.RequestId = "")).ResponseAsync),
        ["client missing"] = ("work_item.client", w => w.EnqueueWorkItemAsync(With(r => r.WorkItem.Client = "")).ResponseAsync),
        ["language malformed"] = ("work_item.language_code", w => w.EnqueueWorkItemAsync(With(r => r.WorkItem.LanguageCode = "english")).ResponseAsync),
        ["language the queue does not take"] = ("work_item.language_code", w => w.EnqueueWorkItemAsync(With(r => r.WorkItem.LanguageCode = "fr")).ResponseAsync),
        ["parent malformed"] = ("parent", w => w.EnqueueWorkItemAsync(With(r => r.Parent = "queue/bad-work")).ResponseAsync),
        ["batch too big"] = ("requests", w => w.BatchEnqueueWorkItemsAsync(new BatchEnqueueWorkItemsRequest { Parent = Queue, Requests = { Enumerable.Range(0, 501).Select(_ => With(_ => { })) } }).ResponseAsync),
        ["batch empty"] = ("requests", w => w.BatchEnqueueWorkItemsAsync(new BatchEnqueueWorkItemsRequest { Parent = Queue }).ResponseAsync),
        ["batch item for another queue"] = ("requests[0].parent", w => w.BatchEnqueueWorkItemsAsync(new BatchEnqueueWorkItemsRequest { Parent = Queue, Requests = { With(r => r.Parent = "queues/other") } }).ResponseAsync),
        ["queue without harm category"] = ("queue.harm_category", w => w.CreateQueueAsync(new CreateQueueRequest { Queue = new Queue { DisplayName = "X" } }).ResponseAsync),
        ["queue reservation timeout too short"] = ("queue.reservation_timeout", w => w.CreateQueueAsync(new CreateQueueRequest { Queue = new Queue { DisplayName = "X", HarmCategory = HarmCategory.SpamScams, ReservationTimeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)) } }).ResponseAsync),
        ["queue backlog too big"] = ("queue.max_backlog", w => w.CreateQueueAsync(new CreateQueueRequest { Queue = new Queue { DisplayName = "X", HarmCategory = HarmCategory.SpamScams, MaxBacklog = 2_000_000 } }).ResponseAsync),
        ["queue serving team malformed"] = ("queue.serving_teams[0]", w => w.CreateQueueAsync(new CreateQueueRequest { Queue = new Queue { DisplayName = "X", HarmCategory = HarmCategory.SpamScams, ServingTeams = { "team-x" } } }).ResponseAsync),
        ["item name malformed"] = ("name", w => w.GetWorkItemAsync(new GetWorkItemRequest { Name = "workItems/x" }).ResponseAsync),
        ["specialist name malformed"] = ("specialist", w => w.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = "people/x" }).ResponseAsync),
        ["outcome without decision"] = ("outcome.decision", w => w.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = Queue + "/workItems/x", Specialist = Aoife, Outcome = new Outcome() }).ResponseAsync),
        ["list status unknown"] = ("status", w => w.ListWorkItemsAsync(new ListWorkItemsRequest { Parent = Queue, Status = (WorkItemStatus)42 }).ResponseAsync),
    };

    private static readonly Dictionary<string, Func<WorkService.WorkServiceClient, Task>> Missing = new()
    {
        ["unknown queue on enqueue"] = w => w.EnqueueWorkItemAsync(With(r => r.Parent = "queues/no-such-queue")).ResponseAsync,
        ["unknown queue on get"] = w => w.GetQueueAsync(new GetQueueRequest { Name = "queues/no-such-queue" }).ResponseAsync,
        ["unknown item"] = w => w.GetWorkItemAsync(new GetWorkItemRequest { Name = Queue + "/workItems/no-such-item" }).ResponseAsync,
        ["unknown specialist asks for work"] = w => w.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = "specialists/no-such-person" }).ResponseAsync,
        ["unknown specialist completes"] = w => w.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = Queue + "/workItems/x", Specialist = "specialists/no-such-person", Outcome = new Outcome { Decision = "remove" } }).ResponseAsync,
        ["queue served by an unknown team"] = w => w.CreateQueueAsync(new CreateQueueRequest { Queue = new Queue { DisplayName = "X", HarmCategory = HarmCategory.SpamScams, ServingTeams = { "teams/no-such-team" } } }).ResponseAsync,
    };

    public static TheoryData<string> InvalidCases() => new(Invalid.Keys);

    public static TheoryData<string> MissingCases() => new(Missing.Keys);

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public async Task Is_invalid_argument_naming_the_field_and_changes_nothing(string @case)
    {
        await EnsureWorld();
        var before = await World();

        await Expect.InvalidField(Invalid[@case].Field, () => Invalid[@case].Call(fixture.Connection.Work));

        Assert.Equal(before, await World());
    }

    [Theory]
    [MemberData(nameof(MissingCases))]
    public async Task Is_not_found_and_changes_nothing(string @case)
    {
        await EnsureWorld();
        var before = await World();

        await Expect.Status(StatusCode.NotFound, () => Missing[@case](fixture.Connection.Work));

        Assert.Equal(before, await World());
    }

    private async Task EnsureWorld()
    {
        var roster = fixture.Connection.Roster;
        var team = await roster.CreateTeamAsync(new Roster.V1.CreateTeamRequest { TeamId = "bad-work", Team = new Roster.V1.Team { DisplayName = "Bad work" }, RequestId = "bad-work-team" });
        await roster.CreateSpecialistAsync(new Roster.V1.CreateSpecialistRequest
        {
            Parent = team.Name, SpecialistId = "bad-work-aoife", Specialist = RosterEndToEndTests.Person("Aoife"), RequestId = "bad-work-aoife",
        });
        await fixture.Connection.Work.CreateQueueAsync(new CreateQueueRequest
        {
            QueueId = "bad-work", RequestId = "bad-work-queue",
            Queue = new Queue { DisplayName = "Bad work", HarmCategory = HarmCategory.HateSpeech, LanguageCodes = { "en" }, ServingTeams = { team.Name } },
        });
    }

    private async Task<string> World()
    {
        var work = fixture.Connection.Work;
        var queue = await work.GetQueueAsync(new GetQueueRequest { Name = Queue });
        var items = await work.ListWorkItemsAsync(new ListWorkItemsRequest { Parent = Queue, PageSize = 1000 });
        var queues = await work.ListQueuesAsync(new ListQueuesRequest { PageSize = 1000 });
        return string.Join("\n", queue.ToString(), items.ToString(), queues.Queues.Count(q => q.DisplayName == "X").ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
