using System.Globalization;
using Grpc.Core;
using SafetyPlatform.Api.Performance.V1;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Grains.Abstractions.Quality;

namespace SafetyPlatform.Silo.Api;

/// <summary>The performance gRPC service: checks the request, asks the item's audits, maps the reply.</summary>
public sealed class PerformanceApi(IGrainFactory grains) : PerformanceService.PerformanceServiceBase
{
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

    private ICalibrationSessionGrain Calibration(string sessionId) => grains.GetGrain<ICalibrationSessionGrain>(sessionId);

    private IItemAuditsGrain Audits(WorkItemName item) => grains.GetGrain<IItemAuditsGrain>(item.ToString());
}
