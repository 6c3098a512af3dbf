using Grpc.Core;
using SafetyPlatform.Api.Wellbeing.V1;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Grains.Abstractions.Roster;
using SafetyPlatform.Grains.Abstractions.Wellbeing;
using SafetyPlatform.Grains.Abstractions.Work;
using SafetyPlatform.Grains.Wellbeing;
using SafetyPlatform.Domain.Wellbeing;
using ApiHarmCategory = SafetyPlatform.Api.Type.V1.HarmCategory;
using HarmCategory = SafetyPlatform.Domain.Roster.HarmCategory;
using PersonalWellbeing = SafetyPlatform.Api.Wellbeing.V1.PersonalWellbeing;
using OptOut = SafetyPlatform.Api.Wellbeing.V1.OptOut;
using WellbeingPolicy = SafetyPlatform.Api.Wellbeing.V1.WellbeingPolicy;

namespace SafetyPlatform.Silo.Api;

/// <summary>The wellbeing gRPC service: checks the request, asks the specialist's desk, maps the reply.</summary>
public sealed class WellbeingApi(IGrainFactory grains, TimeProvider time) : WellbeingService.WellbeingServiceBase
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
        await EnsureQueuesExist(policy, fields);
        var view = await grains.Reference<ITeamWellbeingGrain>(teamId)
            .UpdatePolicy(policy.ToDomain(fields), [.. fields], new ChangeContext(request.Actor, request.Reason, policy.Etag));
        return view.ToProto();
    }

    /// <summary>An override for a queue that does not exist is refused: it would hold nothing back, silently.</summary>
    private async Task EnsureQueuesExist(WellbeingPolicy policy, IReadOnlyCollection<string> fields)
    {
        if (!fields.Contains("queue_overrides"))
        {
            return;
        }

        var directory = grains.Reference<IQueueDirectoryGrain>(IQueueDirectoryGrain.AllQueues);
        foreach (var change in policy.QueueOverrides)
        {
            if (QueueName.TryParse(change.Queue, out var queue) && !await directory.Knows(queue.QueueId))
            {
                throw SafetyException.NotFound(change.Queue);
            }
        }
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

    public override async Task<PersonalWellbeing> GetPersonalWellbeing(GetPersonalWellbeingRequest request, ServerCallContext context)
    {
        new FieldCheck().SubResourceName(request.Name, SpecialistName.Collection, PersonalWellbeingPart, "name", out var specialistId).ThrowIfAny();
        return (await Personal(specialistId).Get()).ToProto();
    }

    public override async Task<PersonalWellbeing> RequestOptOut(RequestOptOutRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .SubResourceName(request.Name, SpecialistName.Collection, PersonalWellbeingPart, "name", out var specialistId)
            .Category(request.HarmCategory)
            .Text(request.Reason, TextRules.MaxReason, "reason", required: true)
            .ThrowIfAny();
        var change = new ChangeContext(new SpecialistName(specialistId).ToString(), request.Reason, null);
        return (await Personal(specialistId).MoveOptOut((HarmCategory)request.HarmCategory, OptOutStatus.Requested, change)).ToProto();
    }

    public override async Task<PersonalWellbeing> DecideOptOut(DecideOptOutRequest request, ServerCallContext context)
    {
        var specialistId = Checked(request.Name, request.HarmCategory, request.Actor, request.Reason);
        var to = request.Approve ? OptOutStatus.Approved : OptOutStatus.Declined;
        return (await Personal(specialistId).MoveOptOut((HarmCategory)request.HarmCategory, to, new ChangeContext(request.Actor, request.Reason, null))).ToProto();
    }

    public override async Task<PersonalWellbeing> WithdrawOptOut(WithdrawOptOutRequest request, ServerCallContext context)
    {
        var specialistId = Checked(request.Name, request.HarmCategory, request.Actor, request.Reason);
        return (await Personal(specialistId).MoveOptOut((HarmCategory)request.HarmCategory, OptOutStatus.Withdrawn, new ChangeContext(request.Actor, request.Reason, null))).ToProto();
    }

    public override async Task<PersonalWellbeing> RestrictHarmCategory(RestrictHarmCategoryRequest request, ServerCallContext context)
    {
        var now = time.GetUtcNow();
        var until = request.ExpireTime is null ? null : ProtoTimes.AsTime(request.ExpireTime);
        var specialistId = Checked(request.Name, request.HarmCategory, request.Actor, request.Reason,
            check => check.Require(until is { } end && end > now && end <= now.AddDays(90), "expire_time", "is required: a time in the next 90 days"));
        return (await Personal(specialistId).Restrict((HarmCategory)request.HarmCategory, until!.Value,
            new ChangeContext(request.Actor, request.Reason, null))).ToProto();
    }

    public override async Task<PersonalWellbeing> LiftRestriction(LiftRestrictionRequest request, ServerCallContext context)
    {
        var specialistId = Checked(request.Name, request.HarmCategory, request.Actor, request.Reason);
        return (await Personal(specialistId).Lift((HarmCategory)request.HarmCategory, new ChangeContext(request.Actor, request.Reason, null))).ToProto();
    }

    public override async Task<ListTeamWellbeingResponse> ListTeamWellbeing(ListTeamWellbeingRequest request, ServerCallContext context)
    {
        var list = $"teamWellbeing:{request.Parent}";
        new FieldCheck()
            .Name(request.Parent, Collections.Teams, "parent", out var teamId)
            .PageSize(request.PageSize, out var pageSize)
            .PageToken(request.PageToken, list, out var afterId)
            .ThrowIfAny();
        var members = await grains.Reference<ITeamGrain>(teamId).ListMembers(afterId, pageSize + 1, false);
        var page = await Task.WhenAll(members.Take(pageSize).Select(m => grains.Reference<ISpecialistDeskGrain>(m.SpecialistId).Wellbeing()));
        var response = new ListTeamWellbeingResponse { Members = { page.Select(m => m.ToProto()) } };
        if (members.Length > pageSize)
        {
            response.NextPageToken = PageTokens.Encode(list, members[pageSize - 1].SpecialistId);
        }

        return response;
    }

    public override async Task<PersonalWellbeing> SetDisplayPreference(SetDisplayPreferenceRequest request, ServerCallContext context)
    {
        var check = new FieldCheck()
            .SubResourceName(request.Name, SpecialistName.Collection, PersonalWellbeingPart, "name", out var specialistId)
            .Category(request.HarmCategory);
        if (request.Display is not null)
        {
            check.Display(request.Display, "display");
        }

        check.ThrowIfAny();
        var change = new ChangeContext(new SpecialistName(specialistId).ToString(), "display preference", null);
        return (await Personal(specialistId).SetDisplay((HarmCategory)request.HarmCategory, request.Display?.ToDomain(), change)).ToProto();
    }

    private const string PersonalWellbeingPart = "personalWellbeing";

    private ISpecialistWellbeingGrain Personal(string specialistId) => grains.Reference<ISpecialistWellbeingGrain>(specialistId);

    /// <summary>The checks every change by a lead shares: the name, the category, who and why.</summary>
    private static string Checked(string name, ApiHarmCategory category, string actor, string reason, Func<FieldCheck, FieldCheck>? more = null)
    {
        var check = new FieldCheck()
            .SubResourceName(name, SpecialistName.Collection, PersonalWellbeingPart, "name", out var specialistId)
            .Category(category)
            .Text(actor, TextRules.MaxActor, "actor", required: true)
            .Text(reason, TextRules.MaxReason, "reason", required: true);
        (more?.Invoke(check) ?? check).ThrowIfAny();
        return specialistId;
    }
}
