using Grpc.Core;
using SafetyPlatform.Api.Wellbeing.V1;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Grains.Abstractions.Roster;
using SafetyPlatform.Grains.Abstractions.Wellbeing;
using SafetyPlatform.Grains.Abstractions.Work;
using SafetyPlatform.Grains.Wellbeing;

namespace SafetyPlatform.Silo.Api;

/// <summary>The wellbeing gRPC service: checks the request, asks the specialist's desk, maps the reply.</summary>
public sealed class WellbeingApi(IGrainFactory grains) : WellbeingService.WellbeingServiceBase
{
    public override async Task<Exposure> GetExposure(GetExposureRequest request, ServerCallContext context)
    {
        new FieldCheck().SubResourceName(request.Name, SpecialistName.Collection, "exposure", "name", out var specialistId).ThrowIfAny();
        return (await grains.Reference<ISpecialistDeskGrain>(specialistId).Exposure()).ToProto();
    }

    public override async Task<WellbeingPolicy> GetWellbeingPolicy(GetWellbeingPolicyRequest request, ServerCallContext context)
    {
        new FieldCheck().SubResourceName(request.Name, TeamName.Collection, WellbeingPolicyName.Singleton, "name", out var teamId).ThrowIfAny();
        return (await grains.Reference<ITeamWellbeingGrain>(teamId).GetPolicy()).ToProto();
    }

    public override async Task<WellbeingPolicy> UpdateWellbeingPolicy(UpdateWellbeingPolicyRequest request, ServerCallContext context)
    {
        var policy = request.Policy ?? new WellbeingPolicy();
        var check = new FieldCheck()
            .Require(request.Policy is not null, "policy", "is required")
            .SubResourceName(policy.Name, TeamName.Collection, WellbeingPolicyName.Singleton, "policy.name", out var teamId)
            .UpdateMask(request.UpdateMask, WellbeingPolicyChanges.Fields, f => WellbeingRequestRules.IsSet(policy, f), out var fields)
            .Text(request.Reason, TextRules.MaxReason, "reason", required: true)
            .Text(request.Actor, TextRules.MaxActor, "actor", required: true);
        check.PolicyFields(policy, fields).ThrowIfAny();
        var view = await grains.Reference<ITeamWellbeingGrain>(teamId)
            .UpdatePolicy(policy.ToDomain(fields), [.. fields], new ChangeContext(request.Actor, request.Reason, policy.Etag));
        return view.ToProto();
    }

    public override async Task<ListWellbeingPolicyRevisionsResponse> ListWellbeingPolicyRevisions(ListWellbeingPolicyRevisionsRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .SubResourceName(request.Parent, TeamName.Collection, WellbeingPolicyName.Singleton, "parent", out var teamId)
            .Require(PageTokens.TryResolvePageSize(request.PageSize, out var pageSize, defaultSize: 20, maxSize: 100), "page_size", "must be between 0 and 100")
            .PageToken(request.PageToken, "wellbeingPolicyRevisions/" + teamId, out var after)
            .ThrowIfAny();
        new FieldCheck().Require(after.Length == 0 || long.TryParse(after, System.Globalization.CultureInfo.InvariantCulture, out _), "page_token",
            "is not a token this list returned; start again with an empty token").ThrowIfAny();
        var before = after.Length > 0 ? long.Parse(after, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var revisions = await grains.Reference<ITeamWellbeingGrain>(teamId).Revisions(before, pageSize + 1);
        var response = new ListWellbeingPolicyRevisionsResponse
        {
            NextPageToken = revisions.Length > pageSize
                ? PageTokens.Encode("wellbeingPolicyRevisions/" + teamId, revisions[pageSize - 1].Revision.ToString(System.Globalization.CultureInfo.InvariantCulture))
                : string.Empty,
        };
        response.Revisions.AddRange(revisions.Take(pageSize).Select(r => r.ToProto(teamId)));
        return response;
    }
}
