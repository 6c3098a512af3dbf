using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SafetyPlatform.Grains;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Grains.Roster;
using Model = SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Silo.Api;

/// <summary>The roster gRPC service: checks the request, calls the grains, maps the reply.</summary>
public sealed class RosterApi(IGrainFactory grains, TimeProvider time) : RosterService.RosterServiceBase
{
    /// <summary>How long one long poll of a team's roster waits; well under Orleans' call timeout.</summary>
    private static readonly TimeSpan WatchPollWait = TimeSpan.FromSeconds(15);

    public override async Task<Team> CreateTeam(CreateTeamRequest request, ServerCallContext context)
    {
        var team = request.Team ?? new Team();
        new FieldCheck()
            .Require(request.Team is not null, "team", "is required")
            .TeamFields(team, RosterRequestRules.AllTeamFields)
            .OptionalId(request.TeamId, "team_id")
            .RequestId(request.RequestId)
            .ThrowIfAny();

        var teamId = request.TeamId.Length > 0 ? request.TeamId : ResourceIds.NewId('t');
        teamId = await grains.ClaimRequest("create-team", request.RequestId, request, r => r.RequestId = string.Empty, teamId);
        var view = await grains.Reference<ITeamGrain>(teamId).Create(team.ToProfile(), request.RequestId);
        return view.ToProto();
    }

    public override async Task<Team> GetTeam(GetTeamRequest request, ServerCallContext context)
    {
        new FieldCheck().Name(request.Name, Collections.Teams, "name", out var teamId).ThrowIfAny();
        return (await grains.Reference<ITeamGrain>(teamId).Get()).ToProto();
    }

    public override async Task<ListTeamsResponse> ListTeams(ListTeamsRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .PageSize(request.PageSize, out var pageSize)
            .PageToken(request.PageToken, "teams", out var afterId)
            .ThrowIfAny();

        var page = await grains.Reference<ITeamDirectoryGrain>(ITeamDirectoryGrain.AllTeams).List(afterId, pageSize);
        var teams = await Task.WhenAll(page.Ids.Select(id => grains.Reference<ITeamGrain>(id).Get()));
        var response = new ListTeamsResponse { Teams = { teams.Select(t => t.ToProto()) } };
        if (page.HasMore)
        {
            response.NextPageToken = PageTokens.Encode("teams", page.Ids[^1]);
        }

        return response;
    }

    public override async Task<Team> UpdateTeam(UpdateTeamRequest request, ServerCallContext context)
    {
        var team = request.Team ?? new Team();
        var check = new FieldCheck()
            .Require(request.Team is not null, "team", "is required")
            .Name(team.Name, Collections.Teams, "team.name", out var teamId)
            .UpdateMask(request.UpdateMask, RosterRequestRules.AllTeamFields, f => RosterRequestRules.IsSet(team, f), out var fields);
        check.TeamFields(team, [.. fields]).ThrowIfAny();

        var view = await grains.Reference<ITeamGrain>(teamId).Update(team.ToProfile(), [.. fields], team.Etag);
        return view.ToProto();
    }

    public override async Task<Specialist> CreateSpecialist(CreateSpecialistRequest request, ServerCallContext context)
    {
        var specialist = request.Specialist ?? new Specialist();
        new FieldCheck()
            .Name(request.Parent, Collections.Teams, "parent", out var teamId)
            .Require(request.Specialist is not null, "specialist", "is required")
            .SpecialistFields(specialist, RosterRequestRules.AllSpecialistFields, creating: true)
            .OptionalId(request.SpecialistId, "specialist_id")
            .RequestId(request.RequestId)
            .ThrowIfAny();

        var specialistId = request.SpecialistId.Length > 0 ? request.SpecialistId : ResourceIds.NewId('s');
        specialistId = await grains.ClaimRequest("create-specialist", request.RequestId, request, r => r.RequestId = string.Empty, specialistId);
        var view = await grains.Reference<ISpecialistGrain>(specialistId).Create(teamId, specialist.ToProfile(), request.RequestId);
        return view.ToProto(time.GetUtcNow());
    }

    public override async Task<Specialist> GetSpecialist(GetSpecialistRequest request, ServerCallContext context)
    {
        new FieldCheck().Name(request.Name, Collections.Specialists, "name", out var id).ThrowIfAny();
        return (await grains.Reference<ISpecialistGrain>(id).Get()).ToProto(time.GetUtcNow());
    }

    public override async Task<ListSpecialistsResponse> ListSpecialists(ListSpecialistsRequest request, ServerCallContext context)
    {
        var list = $"specialists:{request.Parent}:{request.ShowDeactivated}";
        new FieldCheck()
            .Name(request.Parent, Collections.Teams, "parent", out var teamId)
            .PageSize(request.PageSize, out var pageSize)
            .PageToken(request.PageToken, list, out var afterId)
            .ThrowIfAny();

        var members = await grains.Reference<ITeamGrain>(teamId).ListMembers(afterId, pageSize + 1, request.ShowDeactivated);
        var now = time.GetUtcNow();
        var response = new ListSpecialistsResponse { Specialists = { members.Take(pageSize).Select(m => m.ToProto(now)) } };
        if (members.Length > pageSize)
        {
            response.NextPageToken = PageTokens.Encode(list, members[pageSize - 1].SpecialistId);
        }

        return response;
    }

    public override async Task<Specialist> UpdateSpecialist(UpdateSpecialistRequest request, ServerCallContext context)
    {
        var specialist = request.Specialist ?? new Specialist();
        var check = new FieldCheck()
            .Require(request.Specialist is not null, "specialist", "is required")
            .Name(specialist.Name, Collections.Specialists, "specialist.name", out var id)
            .UpdateMask(request.UpdateMask, RosterRequestRules.AllSpecialistFields, f => RosterRequestRules.IsSet(specialist, f), out var fields);
        check.SpecialistFields(specialist, [.. fields], creating: false).ThrowIfAny();

        var view = await grains.Reference<ISpecialistGrain>(id).Update(specialist.ToProfile(), [.. fields], specialist.Etag);
        return view.ToProto(time.GetUtcNow());
    }

    public override async Task<Specialist> MoveSpecialist(MoveSpecialistRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .Name(request.Name, Collections.Specialists, "name", out var id)
            .Name(request.Team, Collections.Teams, "team", out var teamId)
            .ChangeContext(request.Reason, request.Actor)
            .ThrowIfAny();

        var view = await grains.Reference<ISpecialistGrain>(id).Move(teamId, new ChangeContext(request.Actor, request.Reason, request.Etag));
        return view.ToProto(time.GetUtcNow());
    }

    public override async Task<Specialist> DeactivateSpecialist(DeactivateSpecialistRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .Name(request.Name, Collections.Specialists, "name", out var id)
            .ChangeContext(request.Reason, request.Actor)
            .ThrowIfAny();

        var view = await grains.Reference<ISpecialistGrain>(id).Deactivate(new ChangeContext(request.Actor, request.Reason, request.Etag));
        return view.ToProto(time.GetUtcNow());
    }

    public override async Task<Specialist> SetActivityState(SetActivityStateRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .Name(request.Name, Collections.Specialists, "name", out var id)
            .Require(request.ActivityState != ActivityState.Unspecified && System.Enum.IsDefined(request.ActivityState),
                "activity_state", "must be a known activity state")
            .ChangeContext(request.Reason, request.Actor)
            .ThrowIfAny();

        var view = await grains.Reference<ISpecialistGrain>(id).SetActivityState(
            (Model.ActivityState)request.ActivityState, new ChangeContext(request.Actor, request.Reason, request.Etag));
        return view.ToProto(time.GetUtcNow());
    }

    public override async Task<ListActivityTransitionsResponse> ListActivityTransitions(
        ListActivityTransitionsRequest request, ServerCallContext context)
    {
        var list = $"transitions:{request.Parent}";
        new FieldCheck()
            .Name(request.Parent, Collections.Specialists, "parent", out var id)
            .PageSize(request.PageSize, out var pageSize)
            .PageToken(request.PageToken, list, out var afterKey)
            .Require(afterKey.Length == 0 || long.TryParse(afterKey, out _), "page_token", "is malformed")
            .ThrowIfAny();

        var after = afterKey.Length == 0 ? 0 : long.Parse(afterKey, System.Globalization.CultureInfo.InvariantCulture);
        var records = await grains.Reference<ISpecialistGrain>(id).ListTransitions(after, pageSize + 1);
        var response = new ListActivityTransitionsResponse { ActivityTransitions = { records.Take(pageSize).Select(r => r.ToProto()) } };
        if (records.Length > pageSize)
        {
            response.NextPageToken = PageTokens.Encode(list,
                records[pageSize - 1].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return response;
    }

    public override async Task WatchTeam(WatchTeamRequest request, IServerStreamWriter<WatchTeamResponse> responseStream, ServerCallContext context)
    {
        new FieldCheck().Name(request.Name, Collections.Teams, "name", out var teamId).ThrowIfAny();
        var team = grains.Reference<ITeamGrain>(teamId);
        var cancel = context.CancellationToken;

        TeamRosterSnapshot? last = null;
        while (!cancel.IsCancellationRequested)
        {
            var next = await team.WatchNext(last?.Incarnation ?? Guid.Empty, last?.Version ?? -1, WatchPollWait).WaitAsync(cancel);
            if (last is not null && next.Incarnation == last.Incarnation && next.Version == last.Version)
            {
                continue;
            }

            var message = RosterChanges.Between(last, next, time.GetUtcNow());
            if (message is not null)
            {
                await responseStream.WriteAsync(message, cancel);
            }

            last = next;
        }
    }
}

/// <summary>What a WatchTeam client needs to hear between two snapshots of a team's roster.</summary>
public static class RosterChanges
{
    /// <summary>The first message (a full snapshot) or the difference; null when nothing a client sees changed.</summary>
    public static WatchTeamResponse? Between(TeamRosterSnapshot? before, TeamRosterSnapshot after, DateTimeOffset now)
    {
        var message = new WatchTeamResponse { ObserveTime = Timestamp.FromDateTimeOffset(now) };
        if (before is null)
        {
            message.Snapshot = true;
            message.Team = after.Team.ToProto();
            message.Specialists.AddRange(after.Members.Where(m => !m.Deactivated).Select(m => m.ToProto(now)));
            return message;
        }

        if (before.Team.Version != after.Team.Version || before.Team.MemberCount != after.Team.MemberCount)
        {
            message.Team = after.Team.ToProto();
        }

        var previous = before.Members.Where(m => !m.Deactivated).ToDictionary(m => m.SpecialistId);
        foreach (var member in after.Members.Where(m => !m.Deactivated))
        {
            if (!previous.Remove(member.SpecialistId, out var old) || old.Version != member.Version)
            {
                message.Specialists.Add(member.ToProto(now));
            }
        }

        message.DepartedSpecialists.AddRange(previous.Keys.Select(id => ResourceIds.Name(Collections.Specialists, id)));
        return message.Team is null && message.Specialists.Count == 0 && message.DepartedSpecialists.Count == 0 ? null : message;
    }
}
