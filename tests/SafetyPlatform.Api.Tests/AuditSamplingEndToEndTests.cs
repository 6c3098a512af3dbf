using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SafetyPlatform.Api.Performance.V1;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Type.V1;
using SafetyPlatform.Api.Work.V1;
using static SafetyPlatform.Api.Tests.RosterEndToEndTests;
using static SafetyPlatform.Api.Tests.WorkEndToEndTests;
using AuditSampling = SafetyPlatform.Api.Work.V1.AuditSampling;

namespace SafetyPlatform.Api.Tests;

/// <summary>
/// Audit sampling through the real gateway on Azurite: a queue's rule turns completed items into
/// audit work in an audit queue, which is routed like any other work to QA auditors (a role and
/// a skill), never to the specialist whose work it audits, under the audit queue's own SLA.
/// </summary>
[Collection(PlatformCollection.Name)]
public class AuditSamplingEndToEndTests(PlatformFixture fixture)
{
    private static readonly TimeSpan AuditSla = TimeSpan.FromHours(2);

    private WorkService.WorkServiceClient Work => fixture.Connection.Work;

    private async Task<Specialist> Available(Team team, string name, Role role)
    {
        var specialist = await fixture.Connection.Roster.CreateSpecialistAsync(new CreateSpecialistRequest
        {
            Parent = team.Name,
            Specialist = new Specialist(Person(name)) { Role = role, MaxConcurrentItems = 1 },
        });
        return await fixture.Connection.Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = specialist.Name, ActivityState = ActivityState.Available });
    }

    private async Task<Queue> AuditQueue(Team team) => await Work.CreateQueueAsync(new CreateQueueRequest
    {
        QueueId = Unique("audit"),
        Queue = new Queue
        {
            DisplayName = "Hate speech EN audits",
            HarmCategory = HarmCategory.HateSpeech,
            LanguageCodes = { "en" },
            ServingTeams = { team.Name },
            RequiredRole = Role.QaAuditor,
            SlaPolicy = new SlaPolicy { P2 = Duration.FromTimeSpan(AuditSla) },
        },
    });

    private async Task<Queue> Sampled(Queue queue, Queue audits, AuditSampling rule)
    {
        rule.AuditQueue = audits.Name;
        return await Work.UpdateQueueAsync(new UpdateQueueRequest
        {
            Queue = new Queue { Name = queue.Name, AuditSampling = rule },
            UpdateMask = new FieldMask { Paths = { "audit_sampling" } },
        });
    }

    private Task<WorkItem> Handled(Specialist specialist, Queue queue) => WorkEndToEndTests.Handled(fixture.Connection, specialist, queue);

    private async Task<List<WorkItem>> WaitForAudits(Queue audits, int count)
    {
        var found = new List<WorkItem>();
        await Loopback.WaitUntil(async () =>
        {
            found = [.. (await Work.ListWorkItemsAsync(new ListWorkItemsRequest { Parent = audits.Name })).WorkItems];
            return found.Count >= count;
        }, TimeSpan.FromSeconds(20), () => $"{found.Count} audit items of {count} in {audits.Name}");
        return found;
    }

    [Fact]
    public async Task A_new_specialists_work_is_audited_by_an_auditor_and_never_by_the_one_who_did_it()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var audits = await AuditQueue(team);
        // Nobody's work is audited as a rule; everyone's in their first 30 days.
        queue = await Sampled(queue, audits, new AuditSampling { Share = 0, NewSpecialistShare = 1, NewSpecialistDays = 30 });
        Assert.Equal((audits.Name, 1.0, 30), (queue.AuditSampling.AuditQueue, queue.AuditSampling.NewSpecialistShare, queue.AuditSampling.NewSpecialistDays));
        var aoife = await Available(team, "Aoife", Role.Specialist);
        var ciara = await Available(team, "Ciara", Role.QaAuditor);

        // An auditor does ordinary work too: Ciara's item is sampled into the audit queue, with
        // what to audit, under the audit queue's own SLA.
        var ciaras = await Handled(ciara, queue);
        var auditOfCiara = Assert.Single(await WaitForAudits(audits, 1));
        Assert.Equal((ciaras.Name, ciara.Name, "remove"), (auditOfCiara.Labels["audited-item"], auditOfCiara.Labels["audited-specialist"], auditOfCiara.Labels["decision"]));
        Assert.Equal((ciaras.Content.ContentId, Priority.P2, "audit-sampling"), (auditOfCiara.Content.ContentId, auditOfCiara.Priority, auditOfCiara.Client));
        Assert.Equal(AuditSla, auditOfCiara.Deadline.ToDateTimeOffset() - auditOfCiara.ArriveTime.ToDateTimeOffset());

        // Aoife's item too.
        var aoifes = await Handled(aoife, queue);
        var audit = Assert.Single(await WaitForAudits(audits, 2), a => a.Labels["audited-item"] == aoifes.Name);

        // Aoife is no auditor; Ciara is offered the audit of Aoife's work, not of her own.
        var aoifeWhy = await Work.ExplainRoutingAsync(new ExplainRoutingRequest { Specialist = aoife.Name, Queue = audits.Name });
        Assert.Equal(EligibilityRule.Role, Assert.Single(aoifeWhy.Queues).BlockingRule);
        Assert.Null((await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = aoife.Name })).WorkItem);
        var ciarasOffer = (await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = ciara.Name })).WorkItem;
        Assert.Equal(audit.Name, ciarasOffer?.Name);
        await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = audit.Name, Specialist = ciara.Name });
        await fixture.Connection.Performance.CreateAuditAsync(new CreateAuditRequest
        {
            Parent = aoifes.Name,
            Audit = new Audit { Auditor = ciara.Name, Agrees = true, Score = 95, ErrorCategory = AuditErrorCategory.None },
        });
        await Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = audit.Name, Specialist = ciara.Name, Outcome = new Outcome { Decision = "agree" } });

        var ciaraWhy = await Work.ExplainRoutingAsync(new ExplainRoutingRequest { Specialist = ciara.Name, Queue = audits.Name });
        Assert.Equal(EligibilityRule.OwnWorkAudited, Assert.Single(ciaraWhy.Queues).BlockingRule);
        Assert.Null((await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = ciara.Name })).WorkItem);

        // Another auditor takes it.
        var rosa = await Available(team, "Rosa", Role.QaAuditor);
        Assert.Equal(auditOfCiara.Name, (await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = rosa.Name })).WorkItem?.Name);
    }

    [Fact]
    public async Task A_wrong_sampling_rule_is_refused_with_a_precise_status_and_changes_nothing()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var audits = await AuditQueue(team);

        Task Update(AuditSampling rule) => Work.UpdateQueueAsync(new UpdateQueueRequest
        {
            Queue = new Queue { Name = queue.Name, AuditSampling = rule },
            UpdateMask = new FieldMask { Paths = { "audit_sampling" } },
        }).ResponseAsync;

        await Expect.InvalidField("queue.audit_sampling.audit_queue", () => Update(new AuditSampling { Share = 0.1 }));
        await Expect.InvalidField("queue.audit_sampling.audit_queue", () => Update(new AuditSampling { AuditQueue = queue.Name, Share = 0.1 }));
        await Expect.InvalidField("queue.audit_sampling.share", () => Update(new AuditSampling { AuditQueue = audits.Name, Share = 1.5 }));
        await Expect.InvalidField("queue.audit_sampling.new_specialist_days", () => Update(new AuditSampling { AuditQueue = audits.Name, NewSpecialistDays = 400 }));
        await Expect.InvalidField("queue.audit_sampling.accuracy_threshold", () => Update(new AuditSampling { AuditQueue = audits.Name, AccuracyThreshold = -0.2 }));
        await Expect.Status(StatusCode.NotFound, () => Update(new AuditSampling { AuditQueue = "queues/" + Unique("nowhere"), Share = 0.1 }));
        await Expect.InvalidField("queue.required_role", () => Work.UpdateQueueAsync(new UpdateQueueRequest
        {
            Queue = new Queue { Name = queue.Name, RequiredRole = (Role)99 },
            UpdateMask = new FieldMask { Paths = { "required_role" } },
        }).ResponseAsync);

        // Audit work keeps its item's language: an audit queue for German only cannot audit English work.
        var german = await Work.CreateQueueAsync(new CreateQueueRequest
        {
            QueueId = Unique("audit-de"),
            Queue = new Queue { DisplayName = "Audits DE", HarmCategory = HarmCategory.HateSpeech, LanguageCodes = { "de" }, ServingTeams = { team.Name }, RequiredRole = Role.QaAuditor },
        });
        await Expect.Status(StatusCode.FailedPrecondition, () => Update(new AuditSampling { AuditQueue = german.Name, Share = 0.1 }));
        var selfId = Unique("self");
        await Expect.InvalidField("queue.audit_sampling.audit_queue", () => Work.CreateQueueAsync(new CreateQueueRequest
        {
            QueueId = selfId,
            Queue = new Queue { DisplayName = "Self", HarmCategory = HarmCategory.HateSpeech, AuditSampling = new AuditSampling { AuditQueue = "queues/" + selfId, Share = 0.1 } },
        }).ResponseAsync);

        var unchanged = await Work.GetQueueAsync(new GetQueueRequest { Name = queue.Name });
        Assert.Null(unchanged.AuditSampling);
        Assert.Equal(Role.Unspecified, unchanged.RequiredRole);
    }
}
