using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SafetyPlatform.Api.Work.V1;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Grains;
using SafetyPlatform.Grains.Roster;
using SafetyPlatform.Grains.Work;
using Model = SafetyPlatform.Domain.Work;
using WorkItemSubmission = SafetyPlatform.Domain.Work.WorkItemSubmission;
using WorkOutcome = SafetyPlatform.Domain.Work.WorkOutcome;

namespace SafetyPlatform.Silo.Api;

/// <summary>The work gRPC service: checks the request, calls the queue and desk grains, maps the reply.</summary>
public sealed class WorkApi(IGrainFactory grains, TimeProvider time) : WorkService.WorkServiceBase
{
    /// <summary>How long one long poll (of a client's outbox, of a specialist's offers) waits; well under Orleans' call timeout.</summary>
    private static readonly TimeSpan LongPollWait = TimeSpan.FromSeconds(15);

    public override async Task<Queue> CreateQueue(CreateQueueRequest request, ServerCallContext context)
    {
        var queue = request.Queue ?? new Queue();
        new FieldCheck()
            .Require(request.Queue is not null, "queue", "is required")
            .QueueFields(queue, WorkRequestRules.CreateQueueFields, "queues/" + request.QueueId)
            .OptionalId(request.QueueId, "queue_id")
            .RequestId(request.RequestId)
            .ThrowIfAny();

        var teams = await ExistingTeams(queue.ServingTeams);
        await EnsureQueueExists(queue.EscalationQueue);
        await EnsureAuditQueueTakes(queue.AuditSampling, queue.LanguageCodes);
        var queueId = request.QueueId.Length > 0 ? request.QueueId : ResourceIds.NewId('q');
        queueId = await grains.ClaimRequest("create-queue", request.RequestId, request, r => r.RequestId = string.Empty, queueId);

        return (await grains.Reference<IQueueGrain>(queueId).Create(queue.ToSettings(teams), request.RequestId)).ToProto();
    }

    public override async Task<Queue> GetQueue(GetQueueRequest request, ServerCallContext context)
    {
        new FieldCheck().Name(request.Name, "queues", "name", out var queueId).ThrowIfAny();
        return (await grains.Reference<IQueueGrain>(queueId).Get()).ToProto();
    }

    public override async Task<ListQueuesResponse> ListQueues(ListQueuesRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .PageSize(request.PageSize, out var pageSize)
            .PageToken(request.PageToken, "queues", out var afterId)
            .ThrowIfAny();

        var page = await Directory().List(afterId, pageSize);
        var queues = await Task.WhenAll(page.Ids.Select(id => grains.Reference<IQueueGrain>(id).Get()));
        var response = new ListQueuesResponse { Queues = { queues.Select(q => q.ToProto()) } };
        if (page.HasMore)
        {
            response.NextPageToken = PageTokens.Encode("queues", page.Ids[^1]);
        }

        return response;
    }

    public override async Task<Queue> UpdateQueue(UpdateQueueRequest request, ServerCallContext context)
    {
        var queue = request.Queue ?? new Queue();
        var check = new FieldCheck()
            .Require(request.Queue is not null, "queue", "is required")
            .Name(queue.Name, "queues", "queue.name", out var queueId)
            .UpdateMask(request.UpdateMask, QueueChanges.Fields, f => WorkRequestRules.IsSet(queue, f), out var fields);
        check.QueueFields(queue, [.. fields], queue.Name).ThrowIfAny();

        var teams = await ExistingTeams(queue.ServingTeams);
        if (fields.Contains("escalation_queue"))
        {
            await EnsureQueueExists(queue.EscalationQueue);
        }

        if (fields.Contains("audit_sampling"))
        {
            var languages = fields.Contains("language_codes") ? [.. queue.LanguageCodes] : (await grains.Reference<IQueueGrain>(queueId).Get()).Settings.Languages;
            await EnsureAuditQueueTakes(queue.AuditSampling, languages);
        }

        var view = await grains.Reference<IQueueGrain>(queueId).Update(queue.ToSettings(teams), [.. fields], queue.Etag);
        return view.ToProto();
    }

    public override async Task<WorkItem> EnqueueWorkItem(EnqueueWorkItemRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .Name(request.Parent, "queues", "parent", out var queueId)
            .Enqueue(request, time.GetUtcNow())
            .ThrowIfAny();

        var item = await grains.Reference<IQueueGrain>(queueId).Enqueue(request.WorkItem.ToSubmission(request.RequestId));
        return item.ToProto();
    }

    public override async Task<BatchEnqueueWorkItemsResponse> BatchEnqueueWorkItems(BatchEnqueueWorkItemsRequest request, ServerCallContext context)
    {
        var check = new FieldCheck()
            .Name(request.Parent, "queues", "parent", out var queueId)
            .Require(request.Requests.Count is > 0 and <= WorkRequestRules.MaxBatch, "requests",
                $"must hold 1 to {WorkRequestRules.MaxBatch} enqueues, not {request.Requests.Count}");
        for (var i = 0; i < request.Requests.Count; i++)
        {
            check.Require(request.Requests[i].Parent.Length == 0 || request.Requests[i].Parent == request.Parent,
                $"requests[{i}].parent", "must be empty or the batch's parent");
        }

        check.ThrowIfAny();

        // Each enqueue is judged on its own: a malformed one fails alone.
        var now = time.GetUtcNow();
        var results = new EnqueueResult?[request.Requests.Count];
        var valid = new List<(int Index, WorkItemSubmission Submission)>();
        for (var i = 0; i < request.Requests.Count; i++)
        {
            try
            {
                new FieldCheck().Enqueue(request.Requests[i], now, $"requests[{i}].").ThrowIfAny();
                valid.Add((i, request.Requests[i].WorkItem.ToSubmission(request.Requests[i].RequestId)));
            }
            catch (RpcException e)
            {
                var field = e.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>()?.FieldViolations.FirstOrDefault()?.Field ?? string.Empty;
                results[i] = new EnqueueResult { Code = (int)StatusCode.InvalidArgument, Message = e.Status.Detail, Field = field };
            }
        }

        var outcomes = await grains.Reference<IQueueGrain>(queueId).EnqueueBatch([.. valid.Select(v => v.Submission)]);
        for (var j = 0; j < valid.Count; j++)
        {
            var outcome = outcomes[j];
            results[valid[j].Index] = outcome.Item is { } item
                ? new EnqueueResult { WorkItem = item.ToProto() }
                : new EnqueueResult { Code = (int)ApiErrors.FromRule(new SafetyException(outcome.Error!.Value, outcome.Message, outcome.Field)).StatusCode, Message = outcome.Message, Field = outcome.Field };
        }

        return new BatchEnqueueWorkItemsResponse { Results = { results! } };
    }

    public override async Task<WorkItem> GetWorkItem(GetWorkItemRequest request, ServerCallContext context)
    {
        new FieldCheck().ItemName(request.Name, "name", out var queueId, out var itemId).ThrowIfAny();
        return (await grains.Reference<IQueueGrain>(queueId).GetItem(itemId)).ToProto();
    }

    public override async Task<ListWorkItemsResponse> ListWorkItems(ListWorkItemsRequest request, ServerCallContext context)
    {
        var list = $"items:{request.Parent}:{(int)request.Status}";
        new FieldCheck()
            .Name(request.Parent, "queues", "parent", out var queueId)
            .Require(System.Enum.IsDefined(request.Status), "status", "must be a known status")
            .PageSize(request.PageSize, out var pageSize)
            .PageToken(request.PageToken, list, out var afterKey)
            .ThrowIfAny();

        var page = await grains.Reference<IQueueGrain>(queueId).ListItems((Model.WorkItemStatus)request.Status, afterKey, pageSize);
        var response = new ListWorkItemsResponse { WorkItems = { page.Items.Select(i => i.ToProto(withHistory: false)) } };
        if (page.NextKey.Length > 0)
        {
            response.NextPageToken = PageTokens.Encode(list, page.NextKey);
        }

        return response;
    }

    public override async Task<GetNextWorkItemResponse> GetNextWorkItem(GetNextWorkItemRequest request, ServerCallContext context)
    {
        new FieldCheck().Name(request.Specialist, Collections.Specialists, "specialist", out var specialistId).ThrowIfAny();
        var offer = await Desk(specialistId).Next();
        return new GetNextWorkItemResponse { WorkItem = offer?.ToProto() };
    }

    public override async Task<ExplainRoutingResponse> ExplainRouting(ExplainRoutingRequest request, ServerCallContext context)
    {
        var check = new FieldCheck().Name(request.Specialist, Collections.Specialists, "specialist", out var specialistId);
        var queueId = string.Empty;
        if (request.Queue.Length > 0)
        {
            check.Name(request.Queue, "queues", "queue", out queueId);
        }

        check.ThrowIfAny();
        var explanations = await Desk(specialistId).ExplainRouting(queueId);
        var response = new ExplainRoutingResponse();
        response.Queues.AddRange(explanations.OrderBy(e => e.QueueId, StringComparer.Ordinal).Select(e => e.ToProto()));
        return response;
    }

    public override async Task StreamOffers(StreamOffersRequest request, IServerStreamWriter<WorkItem> responseStream, ServerCallContext context)
    {
        new FieldCheck().Name(request.Specialist, Collections.Specialists, "specialist", out var specialistId).ThrowIfAny();
        var desk = Desk(specialistId);
        var cancel = context.CancellationToken;
        await grains.Reference<ISpecialistGrain>(specialistId).Get();
        while (!cancel.IsCancellationRequested)
        {
            foreach (var offer in await desk.WaitForOffers(LongPollWait).WaitAsync(cancel))
            {
                await responseStream.WriteAsync(offer.ToProto(), cancel);
            }
        }
    }

    public override async Task<WorkItem> AcceptWorkItem(AcceptWorkItemRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .ItemAndSpecialist(request.Name, request.Specialist, out var queueId, out var itemId, out var specialistId)
            .ThrowIfAny();
        return (await Desk(specialistId).Accept(queueId, itemId)).ToProto();
    }

    public override async Task<WorkItem> RejectWorkItem(RejectWorkItemRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .ItemAndSpecialist(request.Name, request.Specialist, out var queueId, out var itemId, out var specialistId)
            .Text(request.Reason, TextRules.MaxReason, "reason")
            .ThrowIfAny();
        return (await Desk(specialistId).Reject(queueId, itemId, request.Reason)).ToProto();
    }

    public override async Task<WorkItem> CompleteWorkItem(CompleteWorkItemRequest request, ServerCallContext context)
    {
        var outcome = request.Outcome ?? new Outcome();
        new FieldCheck()
            .ItemAndSpecialist(request.Name, request.Specialist, out var queueId, out var itemId, out var specialistId)
            .Require(request.Outcome is not null, "outcome", "is required")
            .Text(outcome.Decision, 100, "outcome.decision", required: true)
            .Text(outcome.Policy, 200, "outcome.policy")
            .Require(outcome.Notes.Length <= WorkRequestRules.MaxNotes, "outcome.notes", $"at most {WorkRequestRules.MaxNotes} characters")
            .ThrowIfAny();

        var result = new WorkOutcome(outcome.Decision, outcome.Policy, outcome.Notes, TimeSpan.Zero, default, specialistId);
        return (await Desk(specialistId).Complete(queueId, itemId, result)).ToProto();
    }

    public override async Task<WorkItem> ReleaseWorkItem(ReleaseWorkItemRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .ItemAndSpecialist(request.Name, request.Specialist, out var queueId, out var itemId, out var specialistId)
            .Text(request.Reason, TextRules.MaxReason, "reason")
            .ThrowIfAny();
        return (await Desk(specialistId).Release(queueId, itemId, request.Reason)).ToProto();
    }

    public override async Task<WorkItem> EscalateWorkItem(EscalateWorkItemRequest request, ServerCallContext context)
    {
        var check = new FieldCheck()
            .ItemAndSpecialist(request.Name, request.Specialist, out var queueId, out var itemId, out var specialistId)
            .Text(request.Reason, TextRules.MaxReason, "reason", required: true);
        var targetQueueId = string.Empty;
        if (request.TargetQueue.Length > 0)
        {
            check.Name(request.TargetQueue, "queues", "target_queue", out targetQueueId);
        }

        check.ThrowIfAny();
        return (await Desk(specialistId).Escalate(queueId, itemId, targetQueueId, request.Reason)).ToProto();
    }

    public override async Task<WorkItem> TransferWorkItem(TransferWorkItemRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .ItemAndSpecialist(request.Name, request.Specialist, out var queueId, out var itemId, out var specialistId)
            .Name(request.TargetSpecialist, Collections.Specialists, "target_specialist", out var targetId)
            .Require(request.TargetSpecialist != request.Specialist, "target_specialist", "must differ from specialist")
            .Text(request.Reason, TextRules.MaxReason, "reason")
            .ThrowIfAny();
        return (await Desk(specialistId).Transfer(queueId, itemId, targetId, request.Reason)).ToProto();
    }

    public override async Task<SpecialistWork> GetSpecialistWork(GetSpecialistWorkRequest request, ServerCallContext context)
    {
        new FieldCheck().Name(request.Specialist, Collections.Specialists, "specialist", out var specialistId).ThrowIfAny();
        var work = await Desk(specialistId).Work();
        return new SpecialistWork
        {
            Specialist = request.Specialist,
            HeldItems = { work.Held.Select(i => i.ToProto(withHistory: false)) },
            Offers = { work.Offers.Select(i => i.ToProto(withHistory: false)) },
            HandledToday = work.HandledToday,
            EscalatedToday = work.EscalatedToday,
            AverageHandleTime = Duration.FromTimeSpan(work.HandledToday == 0 ? TimeSpan.Zero : work.HandleTimeToday / work.HandledToday),
        };
    }

    public override async Task WatchOutcomes(WatchOutcomesRequest request, IServerStreamWriter<OutcomeNotice> responseStream, ServerCallContext context)
    {
        new FieldCheck().ClientId(request.Client, "client").ThrowIfAny();
        var outbox = grains.Reference<IOutcomeOutboxGrain>(request.Client);
        var cancel = context.CancellationToken;
        long sent = 0;
        while (!cancel.IsCancellationRequested)
        {
            foreach (var notice in await outbox.Next(sent, LongPollWait).WaitAsync(cancel))
            {
                await responseStream.WriteAsync(new OutcomeNotice { Sequence = notice.Sequence, WorkItem = notice.Item.ToProto(withHistory: false) }, cancel);
                sent = notice.Sequence;
            }
        }
    }

    public override async Task<AcknowledgeOutcomesResponse> AcknowledgeOutcomes(AcknowledgeOutcomesRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .ClientId(request.Client, "client")
            .Require(request.Sequence >= 1, "sequence", "must be at least 1")
            .ThrowIfAny();
        var acknowledged = await grains.Reference<IOutcomeOutboxGrain>(request.Client).Acknowledge(request.Sequence);
        return new AcknowledgeOutcomesResponse { AcknowledgedSequence = acknowledged };
    }

    /// <summary>Team ids of `teams/{id}` names, each checked to exist (NOT_FOUND otherwise).</summary>
    private async Task<List<string>> ExistingTeams(IEnumerable<string> names)
    {
        var ids = names.Select(n => TeamName.TryParse(n, out var team) ? team.TeamId : n).Distinct().ToList();
        await Task.WhenAll(ids.Select(id => grains.Reference<ITeamGrain>(id).Get()));
        return ids;
    }

    /// <summary>The audit queue exists (NOT_FOUND) and takes every language of the sampled queue's items (FAILED_PRECONDITION).</summary>
    private async Task EnsureAuditQueueTakes(AuditSampling? sampling, IReadOnlyCollection<string> sampledLanguages)
    {
        if (sampling is null || !QueueName.TryParse(sampling.AuditQueue, out var auditQueue))
        {
            return;
        }

        var audits = await grains.Reference<IQueueGrain>(auditQueue.QueueId).Get();
        if (!Domain.Quality.AuditSampling.TakesEveryLanguageOf(audits.Settings.Languages, sampledLanguages))
        {
            throw SafetyException.FailedPrecondition(
                $"{sampling.AuditQueue} takes content in {string.Join(", ", audits.Settings.Languages)} only; audit work keeps its item's language, " +
                $"and this queue takes {(sampledLanguages.Count == 0 ? "any language" : string.Join(", ", sampledLanguages))}");
        }
    }

    private async Task EnsureQueueExists(string name)
    {
        if (name.Length > 0)
        {
            await grains.Reference<IQueueGrain>(QueueName.TryParse(name, out var queue) ? queue.QueueId : name).Get();
        }
    }

    private ISpecialistDeskGrain Desk(string specialistId) => grains.Reference<ISpecialistDeskGrain>(specialistId);

    private IQueueDirectoryGrain Directory() => grains.Reference<IQueueDirectoryGrain>(IQueueDirectoryGrain.AllQueues);
}
