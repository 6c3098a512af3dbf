using Google.Protobuf.WellKnownTypes;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Type.V1;
using static SafetyPlatform.Api.Tests.RosterEndToEndTests;

namespace SafetyPlatform.Api.Tests;

/// <summary>
/// Every malformed request is INVALID_ARGUMENT naming the wrong field (google.rpc.BadRequest),
/// and leaves the roster exactly as it was.
/// </summary>
[Collection(PlatformCollection.Name)]
public class BadInputTests(PlatformFixture fixture)
{
    private const string Team = "teams/bad-input";
    private const string Aoife = "specialists/bad-input-aoife";
    private static readonly string Long = new('x', 201);

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var (name, (field, _)) in Calls)
        {
            cases.Add(name, field);
        }

        return cases;
    }

    private static readonly Dictionary<string, (string Field, Func<RosterService.RosterServiceClient, Task> Call)> Calls = new()
    {
        ["team without display name"] = ("team.display_name", r => r.CreateTeamAsync(new CreateTeamRequest { Team = new Team() }).ResponseAsync),
        ["team missing"] = ("team", r => r.CreateTeamAsync(new CreateTeamRequest()).ResponseAsync),
        ["team display name too long"] = ("team.display_name", r => r.CreateTeamAsync(new CreateTeamRequest { Team = new Team { DisplayName = Long } }).ResponseAsync),
        ["team id malformed"] = ("team_id", r => r.CreateTeamAsync(new CreateTeamRequest { Team = new Team { DisplayName = "A" }, TeamId = "Bad_Id" }).ResponseAsync),
        ["team time zone unknown"] = ("team.time_zone", r => r.CreateTeamAsync(new CreateTeamRequest { Team = new Team { DisplayName = "A", TimeZone = "Mars/Olympus" } }).ResponseAsync),
        ["team lead malformed"] = ("team.lead", r => r.CreateTeamAsync(new CreateTeamRequest { Team = new Team { DisplayName = "A", Lead = "people/x" } }).ResponseAsync),
        ["request id with spaces"] = ("request_id", r => r.CreateTeamAsync(new CreateTeamRequest { Team = new Team { DisplayName = "A" }, RequestId = "has spaces" }).ResponseAsync),
        ["get team name malformed"] = ("name", r => r.GetTeamAsync(new GetTeamRequest { Name = "team/bad-input" }).ResponseAsync),
        ["get team name empty"] = ("name", r => r.GetTeamAsync(new GetTeamRequest()).ResponseAsync),
        ["list teams page size negative"] = ("page_size", r => r.ListTeamsAsync(new ListTeamsRequest { PageSize = -1 }).ResponseAsync),
        ["list teams page size too big"] = ("page_size", r => r.ListTeamsAsync(new ListTeamsRequest { PageSize = 5000 }).ResponseAsync),
        ["list teams page token forged"] = ("page_token", r => r.ListTeamsAsync(new ListTeamsRequest { PageToken = "forged" }).ResponseAsync),
        ["list specialists token of another list"] = ("page_token", r => r.ListSpecialistsAsync(new ListSpecialistsRequest { Parent = Team, PageToken = "dGVhbXMKYQ" }).ResponseAsync),
        ["update team unknown mask path"] = ("update_mask", r => r.UpdateTeamAsync(new UpdateTeamRequest { Team = new Team { Name = Team, DisplayName = "X" }, UpdateMask = new FieldMask { Paths = { "member_count" } } }).ResponseAsync),
        ["update team empty display name"] = ("team.display_name", r => r.UpdateTeamAsync(new UpdateTeamRequest { Team = new Team { Name = Team }, UpdateMask = new FieldMask { Paths = { "display_name" } } }).ResponseAsync),
        ["update team nothing to update"] = ("update_mask", r => r.UpdateTeamAsync(new UpdateTeamRequest { Team = new Team { Name = Team } }).ResponseAsync),
        ["specialist parent malformed"] = ("parent", r => r.CreateSpecialistAsync(new CreateSpecialistRequest { Parent = "bad-input", Specialist = Person("X") }).ResponseAsync),
        ["specialist without display name"] = ("specialist.display_name", r => r.CreateSpecialistAsync(new CreateSpecialistRequest { Parent = Team, Specialist = new Specialist() }).ResponseAsync),
        ["specialist role unknown"] = ("specialist.role", r => r.CreateSpecialistAsync(new CreateSpecialistRequest { Parent = Team, Specialist = new Specialist(Person("X")) { Role = (Role)42 } }).ResponseAsync),
        ["specialist harm category unspecified"] = ("specialist.policy_skills[0].harm_category", r => r.CreateSpecialistAsync(new CreateSpecialistRequest { Parent = Team, Specialist = new Specialist { DisplayName = "X", PolicySkills = { new PolicySkill { Proficiency = Proficiency.Expert } } } }).ResponseAsync),
        ["specialist harm category unknown"] = ("specialist.policy_skills[0].harm_category", r => r.CreateSpecialistAsync(new CreateSpecialistRequest { Parent = Team, Specialist = new Specialist { DisplayName = "X", PolicySkills = { new PolicySkill { HarmCategory = (HarmCategory)99, Proficiency = Proficiency.Expert } } } }).ResponseAsync),
        ["specialist proficiency unspecified"] = ("specialist.language_skills[0].proficiency", r => r.CreateSpecialistAsync(new CreateSpecialistRequest { Parent = Team, Specialist = new Specialist { DisplayName = "X", LanguageSkills = { new LanguageSkill { LanguageCode = "en" } } } }).ResponseAsync),
        ["specialist language malformed"] = ("specialist.language_skills[0].language_code", r => r.CreateSpecialistAsync(new CreateSpecialistRequest { Parent = Team, Specialist = new Specialist { DisplayName = "X", LanguageSkills = { new LanguageSkill { LanguageCode = "english", Proficiency = Proficiency.Expert } } } }).ResponseAsync),
        ["specialist concurrency too high"] = ("specialist.max_concurrent_items", r => r.CreateSpecialistAsync(new CreateSpecialistRequest { Parent = Team, Specialist = new Specialist(Person("X")) { MaxConcurrentItems = 21 } }).ResponseAsync),
        ["specialist site too long"] = ("specialist.site", r => r.CreateSpecialistAsync(new CreateSpecialistRequest { Parent = Team, Specialist = new Specialist(Person("X")) { Site = Long } }).ResponseAsync),
        ["specialist id malformed"] = ("specialist_id", r => r.CreateSpecialistAsync(new CreateSpecialistRequest { Parent = Team, Specialist = Person("X"), SpecialistId = "-x" }).ResponseAsync),
        ["update specialist concurrency zero"] = ("specialist.max_concurrent_items", r => r.UpdateSpecialistAsync(new UpdateSpecialistRequest { Specialist = new Specialist { Name = Aoife }, UpdateMask = new FieldMask { Paths = { "max_concurrent_items" } } }).ResponseAsync),
        ["update specialist name malformed"] = ("specialist.name", r => r.UpdateSpecialistAsync(new UpdateSpecialistRequest { Specialist = new Specialist { Name = "specialists/", DisplayName = "X" } }).ResponseAsync),
        ["state unspecified"] = ("activity_state", r => r.SetActivityStateAsync(new SetActivityStateRequest { Name = Aoife }).ResponseAsync),
        ["state unknown value"] = ("activity_state", r => r.SetActivityStateAsync(new SetActivityStateRequest { Name = Aoife, ActivityState = (ActivityState)99 }).ResponseAsync),
        ["state reason too long"] = ("reason", r => r.SetActivityStateAsync(new SetActivityStateRequest { Name = Aoife, ActivityState = ActivityState.Available, Reason = new string('r', 501) }).ResponseAsync),
        ["move to malformed team"] = ("team", r => r.MoveSpecialistAsync(new MoveSpecialistRequest { Name = Aoife, Team = "Teams/X" }).ResponseAsync),
        ["deactivate name malformed"] = ("name", r => r.DeactivateSpecialistAsync(new DeactivateSpecialistRequest { Name = "teams/bad-input" }).ResponseAsync),
        ["history page token forged"] = ("page_token", r => r.ListActivityTransitionsAsync(new ListActivityTransitionsRequest { Parent = Aoife, PageToken = "AAAA" }).ResponseAsync),
        ["watch name malformed"] = ("name", async r =>
        {
            using var call = r.WatchTeam(new WatchTeamRequest { Name = "bad" }, deadline: DateTime.UtcNow.AddSeconds(30));
            await call.ResponseStream.MoveNext(CancellationToken.None);
        }),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Is_invalid_argument_naming_the_field_and_changes_nothing(string @case, string field)
    {
        var roster = fixture.Connection.Roster;
        await EnsureWorld(roster);
        var before = await World(roster);

        await Expect.InvalidField(field, () => Calls[@case].Call(roster));

        Assert.Equal(before, await World(roster));
    }

    private static async Task EnsureWorld(RosterService.RosterServiceClient roster)
    {
        await roster.CreateTeamAsync(new CreateTeamRequest { TeamId = "bad-input", Team = new Team { DisplayName = "Bad input" }, RequestId = "bad-input-team" });
        await roster.CreateSpecialistAsync(new CreateSpecialistRequest
        {
            Parent = Team, SpecialistId = "bad-input-aoife", Specialist = Person("Aoife"), RequestId = "bad-input-aoife",
        });
    }

    /// <summary>Everything a bad request could have touched, with the ever-growing time-in-state removed.</summary>
    private static async Task<string> World(RosterService.RosterServiceClient roster)
    {
        var team = await roster.GetTeamAsync(new GetTeamRequest { Name = Team });
        var members = await roster.ListSpecialistsAsync(new ListSpecialistsRequest { Parent = Team, ShowDeactivated = true });
        foreach (var member in members.Specialists)
        {
            member.TimeInActivityState = null;
        }

        var history = await roster.ListActivityTransitionsAsync(new ListActivityTransitionsRequest { Parent = Aoife });
        var teams = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await roster.ListTeamsAsync(new ListTeamsRequest { PageSize = 1000, PageToken = token });
            teams.AddRange(page.Teams.Where(t => t.DisplayName is "A" or "X" || t.Name == Team).Select(t => t.ToString()));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return string.Join("\n", [team.ToString(), members.ToString(), history.ToString(), .. teams]);
    }
}
