using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SafetyPlatform.Api.Performance.V1;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Grains.Abstractions.Quality;
using SafetyPlatform.Grains.Abstractions.Targets;
using SafetyPlatform.Grains.Abstractions.Work;

namespace SafetyPlatform.Silo.Api;

/// <summary>The performance gRPC service: checks the request, asks the item's audits, maps the reply.</summary>
public sealed class PerformanceApi(IGrainFactory grains, TimeProvider time) : PerformanceService.PerformanceServiceBase
{
    public override async Task<GoldenItem> CreateGoldenItem(CreateGoldenItemRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .Name(request.Parent, "queues", "parent", out var queueId)
            .Enqueue(new SafetyPlatform.Api.Work.V1.EnqueueWorkItemRequest { Parent = request.Parent, WorkItem = request.WorkItem, RequestId = request.RequestId }, time.GetUtcNow())
            .Require(request.Answer.Trim().Length is > 0 and <= PerformanceRequestRules.MaxDecision, "answer", $"is required: 1 to {PerformanceRequestRules.MaxDecision} characters")
            .ThrowIfAny();
        var item = await grains.GetGrain<IQueueGrain>(queueId).Enqueue(request.WorkItem.ToSubmission(request.RequestId) with { GoldenAnswer = request.Answer.Trim() });
        return item.Submission.IsGolden
            ? item.ToGoldenItem()
            : throw SafetyException.AlreadyExists($"request_id '{request.RequestId}' of client '{request.WorkItem.Client}' names queues/{queueId}/workItems/{item.ItemId}, which is not golden");
    }

    public override async Task<GoldenItem> GetGoldenItem(GetGoldenItemRequest request, ServerCallContext context)
    {
        new FieldCheck().ItemName(request.Name, "name", out var queueId, out var itemId).ThrowIfAny();
        var item = await grains.GetGrain<IQueueGrain>(queueId).GetItem(itemId);
        return item.Submission.IsGolden ? item.ToGoldenItem() : throw SafetyException.NotFound($"golden item {request.Name}");
    }

    public override async Task<Audit> CreateAudit(CreateAuditRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .Require(WorkItemName.TryParse(request.Parent, out var item), "parent", "must be a work item's name, queues/{queue}/workItems/{item}")
            .AuditFields(request.Audit)
            .RequestId(request.RequestId)
            .ThrowIfAny();
        return (await Audits(item).Submit(request.Audit.ToSubmission(request.RequestId))).ToProto();
    }

    public override async Task<Audit> GetAudit(GetAuditRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .Require(AuditName.TryParse(request.Name, out var name), "name", "must be an audit's name, queues/{queue}/workItems/{item}/audits/{audit}")
            .ThrowIfAny();
        var audit = (await Audits(name.Item).List()).FirstOrDefault(a => a.AuditId == name.AuditId) ?? throw SafetyException.NotFound(request.Name);
        return audit.ToProto();
    }

    public override async Task<ListAuditsResponse> ListAudits(ListAuditsRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .Require(WorkItemName.TryParse(request.Parent, out var item), "parent", "must be a work item's name, queues/{queue}/workItems/{item}")
            .Require(PageTokens.TryResolvePageSize(request.PageSize, out var pageSize, defaultSize: 50, maxSize: 500), "page_size", "must be between 0 and 500")
            .PageToken(request.PageToken, "audits/" + item, out var after)
            .ThrowIfAny();
        var skip = after.Length > 0 && int.TryParse(after, CultureInfo.InvariantCulture, out var seen) ? seen : 0;
        var audits = (await Audits(item).List()).Skip(skip).ToList();
        var response = new ListAuditsResponse
        {
            NextPageToken = audits.Count > pageSize ? PageTokens.Encode("audits/" + item, (skip + pageSize).ToString(CultureInfo.InvariantCulture)) : string.Empty,
        };
        response.Audits.AddRange(audits.Take(pageSize).Select(a => a.ToProto()));
        return response;
    }

    public override async Task<CalibrationSession> CreateCalibrationSession(CreateCalibrationSessionRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .CalibrationFields(request.CalibrationSessionId, request.CalibrationSession)
            .RequestId(request.RequestId)
            .ThrowIfAny();
        var session = request.CalibrationSession;
        return (await Calibration(request.CalibrationSessionId)
            .Create(session.DisplayName, [.. session.Auditors], [.. session.Items.Select(i => i.Item)], request.RequestId)).ToProto();
    }

    public override async Task<CalibrationSession> GetCalibrationSession(GetCalibrationSessionRequest request, ServerCallContext context)
    {
        new FieldCheck().Name(request.Name, PerformanceMapping.CalibrationSessions, "name", out var sessionId).ThrowIfAny();
        return (await Calibration(sessionId).Get()).ToProto();
    }

    public override async Task<CalibrationSession> SubmitCalibrationVerdict(SubmitCalibrationVerdictRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .Name(request.Name, PerformanceMapping.CalibrationSessions, "name", out var sessionId)
            .Require(WorkItemName.TryParse(request.Item, out _), "item", "must be a work item's name, queues/{queue}/workItems/{item}")
            .AuditFields(request.Verdict, "verdict")
            .ThrowIfAny();
        return (await Calibration(sessionId).Submit(request.Item, request.Verdict.ToSubmission(string.Empty))).ToProto();
    }

    public override async Task<Target> CreateTarget(CreateTargetRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .Require(TargetName.IsOwner(request.Parent), "parent", "must be specialists/{specialist} or teams/{team}")
            .Require(ResourceIds.IsValidId(request.TargetId), "target_id", "must be 1 to 63 lowercase letters, digits and hyphens, starting with a letter")
            .TargetFields(request.Target, out var target)
            .RequestId(request.RequestId)
            .ThrowIfAny();
        return (await Targets(request.Parent).Create(target! with { TargetId = request.TargetId }, request.RequestId)).ToProto();
    }

    public override async Task<Target> GetTarget(GetTargetRequest request, ServerCallContext context)
    {
        new FieldCheck().TargetName(request.Name, out var name).ThrowIfAny();
        return (await Targets(name.Owner).Get(name.TargetId)).ToProto();
    }

    public override async Task<ListTargetsResponse> ListTargets(ListTargetsRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .Require(TargetName.IsOwner(request.Parent), "parent", "must be specialists/{specialist} or teams/{team}")
            .Require(PageTokens.TryResolvePageSize(request.PageSize, out var pageSize, defaultSize: 50, maxSize: 500), "page_size", "must be between 0 and 500")
            .PageToken(request.PageToken, "targets/" + request.Parent, out var after)
            .ThrowIfAny();
        var targets = (await Targets(request.Parent).List()).Where(t => string.CompareOrdinal(t.TargetId, after) > 0).ToList();
        var response = new ListTargetsResponse
        {
            NextPageToken = targets.Count > pageSize ? PageTokens.Encode("targets/" + request.Parent, targets[pageSize - 1].TargetId) : string.Empty,
        };
        response.Targets.AddRange(targets.Take(pageSize).Select(t => t.ToProto()));
        return response;
    }

    public override async Task<Empty> DeleteTarget(DeleteTargetRequest request, ServerCallContext context)
    {
        new FieldCheck().TargetName(request.Name, out var name).ThrowIfAny();
        await Targets(name.Owner).Delete(name.TargetId);
        return new Empty();
    }

    private ITargetsGrain Targets(string owner) => grains.GetGrain<ITargetsGrain>(owner);

    private ICalibrationSessionGrain Calibration(string sessionId) => grains.GetGrain<ICalibrationSessionGrain>(sessionId);

    private IItemAuditsGrain Audits(WorkItemName item) => grains.GetGrain<IItemAuditsGrain>(item.ToString());
}
