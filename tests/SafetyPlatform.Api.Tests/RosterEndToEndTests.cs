using Grpc.Core;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Type.V1;
using SafetyPlatform.Client;

namespace SafetyPlatform.Api.Tests;

/// <summary>The roster through the real gateway, to a real silo, on real Azurite.</summary>
[Collection(PlatformCollection.Name)]
public class RosterEndToEndTests(PlatformFixture fixture)
{
    private RosterService.RosterServiceClient Roster => fixture.Connection.Roster;

    internal static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    internal static Specialist Person(string name) => new()
    {
        DisplayName = name,
        Role = Role.Specialist,
        PolicySkills = { new PolicySkill { HarmCategory = HarmCategory.HateSpeech, Proficiency = Proficiency.Proficient } },
        LanguageSkills = { new LanguageSkill { LanguageCode = "en", Proficiency = Proficiency.Expert } },
        MaxConcurrentItems = 2,
        Site = "Dublin",
    };

    internal static async Task<Team> NewTeam(RosterService.RosterServiceClient roster, string? id = null) =>
        await roster.CreateTeamAsync(new CreateTeamRequest
        {
            TeamId = id ?? Unique("team"),
            Team = new Team { DisplayName = "Hate speech EN", Site = "Dublin", TimeZone = "Europe/Dublin" },
            RequestId = RequestIds.New(),
        });

    internal static Task<Specialist> NewSpecialist(RosterService.RosterServiceClient roster, Team team, string name) =>
        roster.CreateSpecialistAsync(new CreateSpecialistRequest { Parent = team.Name, Specialist = Person(name) }).ResponseAsync;

    [Fact]
    public async Task A_team_and_its_specialists_are_created_and_paged_through()
    {
        var team = await NewTeam(Roster);
        var created = new List<string>();
        foreach (var name in new[] { "Aoife", "Bram", "Chiara", "Dara", "Emeka" })
        {
            created.Add((await NewSpecialist(Roster, team, name)).Name);
        }

        var seen = new List<string>();
        var pages = 0;
        var token = string.Empty;
        do
        {
            var page = await Roster.ListSpecialistsAsync(new ListSpecialistsRequest { Parent = team.Name, PageSize = 2, PageToken = token });
            Assert.True(page.Specialists.Count <= 2);
            seen.AddRange(page.Specialists.Select(s => s.Name));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(created.Order(StringComparer.Ordinal), seen);
        var read = await Roster.GetTeamAsync(new GetTeamRequest { Name = team.Name });
        Assert.Equal(5, read.MemberCount);
        Assert.Equal("Europe/Dublin", read.TimeZone);
    }

    [Fact]
    public async Task Teams_are_listed_in_pages_that_cover_every_team_once()
    {
        var mine = new HashSet<string>();
        for (var i = 0; i < 3; i++)
        {
            mine.Add((await NewTeam(Roster)).Name);
        }

        var seen = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await Roster.ListTeamsAsync(new ListTeamsRequest { PageSize = 2, PageToken = token });
            seen.AddRange(page.Teams.Select(t => t.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), mine);
    }

    [Fact]
    public async Task Creates_repeated_with_one_request_id_make_one_team_even_when_racing()
    {
        var request = new CreateTeamRequest
        {
            Team = new Team { DisplayName = "Child safety night shift" },
            RequestId = RequestIds.New(),
        };

        var teams = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Roster.CreateTeamAsync(request).ResponseAsync));

        Assert.Single(teams.Select(t => t.Name).Distinct());
        Assert.Equal("Etc/UTC", teams[0].TimeZone);
        var again = await Roster.CreateTeamAsync(request);
        Assert.Equal(teams[0].Name, again.Name);
        Assert.Equal(teams[0].Etag, again.Etag);
    }

    [Fact]
    public async Task A_request_id_reused_for_a_different_create_is_refused()
    {
        var requestId = RequestIds.New();
        var team = await Roster.CreateTeamAsync(new CreateTeamRequest { Team = new Team { DisplayName = "A" }, RequestId = requestId });

        await Expect.InvalidField("request_id", () =>
            Roster.CreateTeamAsync(new CreateTeamRequest { Team = new Team { DisplayName = "B" }, RequestId = requestId }).ResponseAsync);

        Assert.Equal("A", (await Roster.GetTeamAsync(new GetTeamRequest { Name = team.Name })).DisplayName);
    }

    [Fact]
    public async Task Creating_a_specialist_twice_with_one_request_id_gives_one_specialist()
    {
        var team = await NewTeam(Roster);
        var request = new CreateSpecialistRequest { Parent = team.Name, Specialist = Person("Aoife"), RequestId = RequestIds.New() };

        var first = await Roster.CreateSpecialistAsync(request);
        var second = await Roster.CreateSpecialistAsync(request);

        Assert.Equal(first.Name, second.Name);
        var list = await Roster.ListSpecialistsAsync(new ListSpecialistsRequest { Parent = team.Name });
        Assert.Single(list.Specialists);
    }

    [Fact]
    public async Task A_taken_id_is_already_exists()
    {
        var team = await NewTeam(Roster);

        await Expect.Status(StatusCode.AlreadyExists, () => NewTeam(Roster, team.Name["teams/".Length..]));
    }

    [Fact]
    public async Task A_moved_specialist_keeps_its_name_and_history_and_changes_lists()
    {
        var from = await NewTeam(Roster);
        var to = await NewTeam(Roster);
        var aoife = await NewSpecialist(Roster, from, "Aoife");
        await Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = aoife.Name, ActivityState = ActivityState.Available });

        var moved = await Roster.MoveSpecialistAsync(new MoveSpecialistRequest { Name = aoife.Name, Team = to.Name, Reason = "rebalancing" });

        Assert.Equal(aoife.Name, moved.Name);
        Assert.Equal(to.Name, moved.Team);
        Assert.Empty((await Roster.ListSpecialistsAsync(new ListSpecialistsRequest { Parent = from.Name })).Specialists);
        Assert.Equal(aoife.Name, Assert.Single((await Roster.ListSpecialistsAsync(new ListSpecialistsRequest { Parent = to.Name })).Specialists).Name);
        Assert.Single((await Roster.ListActivityTransitionsAsync(new ListActivityTransitionsRequest { Parent = aoife.Name })).ActivityTransitions);
        Assert.Equal(0, (await Roster.GetTeamAsync(new GetTeamRequest { Name = from.Name })).MemberCount);
    }

    [Fact]
    public async Task Activity_states_change_by_the_table_and_the_history_pages_in_order()
    {
        var team = await NewTeam(Roster);
        var aoife = await NewSpecialist(Roster, team, "Aoife");
        var path = new[] { ActivityState.Available, ActivityState.Break, ActivityState.Available, ActivityState.Meeting, ActivityState.Offline };
        foreach (var state in path)
        {
            var changed = await Roster.SetActivityStateAsync(new SetActivityStateRequest
            {
                Name = aoife.Name, ActivityState = state, Reason = $"to {state}", Actor = "specialists/lead-1",
            });
            Assert.Equal(state, changed.ActivityState);
        }

        var history = new List<ActivityTransition>();
        var token = string.Empty;
        do
        {
            var page = await Roster.ListActivityTransitionsAsync(new ListActivityTransitionsRequest { Parent = aoife.Name, PageSize = 2, PageToken = token });
            history.AddRange(page.ActivityTransitions);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(path, history.Select(h => h.ToState));
        Assert.Equal(ActivityState.Offline, history[0].FromState);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => (long)i), history.Select(h => h.Sequence));
        Assert.All(history, h => Assert.Equal("specialists/lead-1", h.Actor));
        Assert.Equal("to Break", history[1].Reason);
    }

    [Fact]
    public async Task An_illegal_transition_is_failed_precondition_and_changes_nothing()
    {
        var team = await NewTeam(Roster);
        var aoife = await NewSpecialist(Roster, team, "Aoife");

        await Expect.Status(StatusCode.FailedPrecondition, () =>
            Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = aoife.Name, ActivityState = ActivityState.Break }).ResponseAsync);
        var handling = await Expect.Status(StatusCode.FailedPrecondition, () =>
            Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = aoife.Name, ActivityState = ActivityState.Handling }).ResponseAsync);

        Assert.Contains("work item", handling.Status.Detail, StringComparison.Ordinal);
        var after = await Roster.GetSpecialistAsync(new GetSpecialistRequest { Name = aoife.Name });
        Assert.Equal(ActivityState.Offline, after.ActivityState);
        Assert.Equal(aoife.Etag, after.Etag);
        Assert.Empty((await Roster.ListActivityTransitionsAsync(new ListActivityTransitionsRequest { Parent = aoife.Name })).ActivityTransitions);
    }

    [Fact]
    public async Task A_stale_etag_is_aborted_and_changes_nothing()
    {
        var team = await NewTeam(Roster);
        var aoife = await NewSpecialist(Roster, team, "Aoife");
        var available = await Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = aoife.Name, ActivityState = ActivityState.Available, Etag = aoife.Etag });

        await Expect.Status(StatusCode.Aborted, () =>
            Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = aoife.Name, ActivityState = ActivityState.Break, Etag = aoife.Etag }).ResponseAsync);
        await Expect.Status(StatusCode.Aborted, () =>
            Roster.UpdateTeamAsync(new UpdateTeamRequest { Team = new Team { Name = team.Name, DisplayName = "X", Etag = "999" } }).ResponseAsync);

        Assert.Equal(available.Etag, (await Roster.GetSpecialistAsync(new GetSpecialistRequest { Name = aoife.Name })).Etag);
        Assert.Equal(team.DisplayName, (await Roster.GetTeamAsync(new GetTeamRequest { Name = team.Name })).DisplayName);
    }

    [Fact]
    public async Task Updates_change_only_the_masked_fields()
    {
        var team = await NewTeam(Roster);
        var aoife = await NewSpecialist(Roster, team, "Aoife");

        var updatedTeam = await Roster.UpdateTeamAsync(new UpdateTeamRequest
        {
            Team = new Team { Name = team.Name, DisplayName = "Ignored", Lead = aoife.Name, Vendor = "Acme BPO", Etag = team.Etag },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "lead", "vendor" } },
        });
        var updated = await Roster.UpdateSpecialistAsync(new UpdateSpecialistRequest
        {
            Specialist = new Specialist { Name = aoife.Name, MaxConcurrentItems = 4, Role = Role.Lead },
        });

        Assert.Equal(team.DisplayName, updatedTeam.DisplayName);
        Assert.Equal(aoife.Name, updatedTeam.Lead);
        Assert.Equal("Acme BPO", updatedTeam.Vendor);
        Assert.NotEqual(team.Etag, updatedTeam.Etag);
        Assert.Equal(4, updated.MaxConcurrentItems);
        Assert.Equal(Role.Lead, updated.Role);
        Assert.Equal(aoife.DisplayName, updated.DisplayName);
        Assert.Equal(aoife.PolicySkills, updated.PolicySkills);
    }

    [Fact]
    public async Task A_deactivated_specialist_keeps_history_and_leaves_the_default_list()
    {
        var team = await NewTeam(Roster);
        var aoife = await NewSpecialist(Roster, team, "Aoife");
        await Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = aoife.Name, ActivityState = ActivityState.Available });

        var gone = await Roster.DeactivateSpecialistAsync(new DeactivateSpecialistRequest { Name = aoife.Name, Reason = "left" });
        var again = await Roster.DeactivateSpecialistAsync(new DeactivateSpecialistRequest { Name = aoife.Name });

        Assert.True(gone.Deactivated);
        Assert.NotNull(gone.DeactivateTime);
        Assert.Equal(ActivityState.Offline, gone.ActivityState);
        Assert.Equal(gone.Etag, again.Etag);
        Assert.Empty((await Roster.ListSpecialistsAsync(new ListSpecialistsRequest { Parent = team.Name })).Specialists);
        Assert.Single((await Roster.ListSpecialistsAsync(new ListSpecialistsRequest { Parent = team.Name, ShowDeactivated = true })).Specialists);
        Assert.Equal(2, (await Roster.ListActivityTransitionsAsync(new ListActivityTransitionsRequest { Parent = aoife.Name })).ActivityTransitions.Count);
        await Expect.Status(StatusCode.FailedPrecondition, () =>
            Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = aoife.Name, ActivityState = ActivityState.Available }).ResponseAsync);
    }

    [Fact]
    public async Task Unknown_teams_and_specialists_are_not_found()
    {
        var team = await NewTeam(Roster);
        var aoife = await NewSpecialist(Roster, team, "Aoife");

        await Expect.Status(StatusCode.NotFound, () => Roster.GetTeamAsync(new GetTeamRequest { Name = "teams/nobody-here" }).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () => Roster.GetSpecialistAsync(new GetSpecialistRequest { Name = "specialists/nobody-here" }).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () =>
            Roster.CreateSpecialistAsync(new CreateSpecialistRequest { Parent = "teams/nobody-here", Specialist = Person("X"), SpecialistId = "ghost-1" }).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () =>
            Roster.MoveSpecialistAsync(new MoveSpecialistRequest { Name = aoife.Name, Team = "teams/nobody-here" }).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () =>
            Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = "specialists/nobody-here", ActivityState = ActivityState.Available }).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () =>
            Roster.ListSpecialistsAsync(new ListSpecialistsRequest { Parent = "teams/nobody-here" }).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () =>
            Roster.UpdateTeamAsync(new UpdateTeamRequest { Team = new Team { Name = team.Name, Lead = "specialists/nobody-here" } }).ResponseAsync);

        await Expect.Status(StatusCode.NotFound, () => Roster.GetSpecialistAsync(new GetSpecialistRequest { Name = "specialists/ghost-1" }).ResponseAsync);
        Assert.Equal(team.Name, (await Roster.GetSpecialistAsync(new GetSpecialistRequest { Name = aoife.Name })).Team);
        Assert.Equal(string.Empty, (await Roster.GetTeamAsync(new GetTeamRequest { Name = team.Name })).Lead);
    }

    [Fact]
    public async Task Server_reflection_through_the_gateway_lists_the_roster_service()
    {
        var reflection = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(fixture.Connection.Channel);
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("safety.roster.v1.RosterService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }
}
