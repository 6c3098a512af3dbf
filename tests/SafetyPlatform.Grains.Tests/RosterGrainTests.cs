using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Grains.Tests;

[Collection(ClusterCollection.Name)]
public class RosterGrainTests(ClusterFixture fixture)
{
    private static readonly ChangeContext ByLead = new("specialists/lead", "test", null);

    private static TeamProfile Profile(string name) => new(name, string.Empty, "Dublin", string.Empty, "Europe/Dublin");

    private static SpecialistProfile Person(string name) =>
        new(name, FloorRole.Specialist, [new PolicySkill(HarmCategory.HateSpeech, Proficiency.Expert)], [new LanguageSkill("en", Proficiency.Expert)], 2, "Dublin", string.Empty);

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..30];

    private async Task<(string TeamId, ITeamGrain Team)> NewTeam()
    {
        var id = NewId("team");
        var team = fixture.Grains.GetGrain<ITeamGrain>(id);
        await team.Create(Profile("Hate speech EN"), string.Empty);
        return (id, team);
    }

    [Fact]
    public async Task A_created_specialist_is_offline_and_listed_in_its_team()
    {
        var (teamId, team) = await NewTeam();
        var view = await fixture.Grains.GetGrain<ISpecialistGrain>(NewId("s")).Create(teamId, Person("Aoife"), string.Empty);

        Assert.Equal(ActivityState.Offline, view.ActivityState);
        var members = await team.ListMembers(string.Empty, 10, includeDeactivated: false);
        Assert.Equal(view.SpecialistId, Assert.Single(members).SpecialistId);
        Assert.Equal(1, (await team.Get()).MemberCount);
    }

    [Fact]
    public async Task A_specialist_cannot_be_created_in_a_missing_team()
    {
        var id = NewId("s");
        var error = await Assert.ThrowsAsync<SafetyException>(() => fixture.Grains.GetGrain<ISpecialistGrain>(id).Create("no-such-team", Person("X"), string.Empty));

        Assert.Equal(SafetyErrorKind.NotFound, error.Kind);
        Assert.Null(await fixture.Grains.GetGrain<ISpecialistGrain>(id).Find());
    }

    [Fact]
    public async Task A_create_repeated_with_its_request_id_returns_the_same_specialist_and_another_is_refused()
    {
        var (teamId, team) = await NewTeam();
        var grain = fixture.Grains.GetGrain<ISpecialistGrain>(NewId("s"));
        var first = await grain.Create(teamId, Person("Aoife"), "req-1");
        var again = await grain.Create(teamId, Person("Aoife"), "req-1");

        Assert.Equal(first.Version, again.Version);
        var error = await Assert.ThrowsAsync<SafetyException>(() => grain.Create(teamId, Person("Aoife"), "req-2"));
        Assert.Equal(SafetyErrorKind.AlreadyExists, error.Kind);
        Assert.Single(await team.ListMembers(string.Empty, 10, false));
    }

    [Fact]
    public async Task State_changes_follow_the_table_and_are_kept_in_order()
    {
        var (teamId, _) = await NewTeam();
        var grain = fixture.Grains.GetGrain<ISpecialistGrain>(NewId("s"));
        await grain.Create(teamId, Person("Aoife"), string.Empty);

        await grain.SetActivityState(ActivityState.Available, ByLead with { Reason = "shift start" });
        await grain.SetActivityState(ActivityState.Break, ByLead);
        var refused = await Assert.ThrowsAsync<SafetyException>(() => grain.SetActivityState(ActivityState.Handling, ByLead));
        await grain.SetActivityState(ActivityState.Available, ByLead);

        Assert.Equal(SafetyErrorKind.FailedPrecondition, refused.Kind);
        var history = await grain.ListTransitions(0, 10);
        Assert.Equal(
            [(ActivityState.Offline, ActivityState.Available), (ActivityState.Available, ActivityState.Break), (ActivityState.Break, ActivityState.Available)],
            history.Select(h => (h.From, h.To)));
        Assert.Equal([1L, 2L, 3L], history.Select(h => h.Sequence));
        Assert.Equal("shift start", history[0].Reason);
        Assert.Equal("specialists/lead", history[0].Actor);

        var secondPage = await grain.ListTransitions(2, 10);
        Assert.Equal(3, Assert.Single(secondPage).Sequence);
    }

    [Fact]
    public async Task Setting_the_current_state_again_changes_nothing()
    {
        var (teamId, _) = await NewTeam();
        var grain = fixture.Grains.GetGrain<ISpecialistGrain>(NewId("s"));
        await grain.Create(teamId, Person("Aoife"), string.Empty);
        var available = await grain.SetActivityState(ActivityState.Available, ByLead);
        var again = await grain.SetActivityState(ActivityState.Available, ByLead);

        Assert.Equal(available.Version, again.Version);
        Assert.Single(await grain.ListTransitions(0, 10));
    }

    [Fact]
    public async Task A_stale_etag_is_refused_and_changes_nothing()
    {
        var (teamId, _) = await NewTeam();
        var grain = fixture.Grains.GetGrain<ISpecialistGrain>(NewId("s"));
        var created = await grain.Create(teamId, Person("Aoife"), string.Empty);
        await grain.SetActivityState(ActivityState.Available, ByLead);

        var error = await Assert.ThrowsAsync<SafetyException>(() =>
            grain.SetActivityState(ActivityState.Break, ByLead with { Etag = created.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) }));

        Assert.Equal(SafetyErrorKind.Aborted, error.Kind);
        Assert.Equal(ActivityState.Available, (await grain.Get()).ActivityState);
    }

    [Fact]
    public async Task Moving_a_specialist_changes_both_teams_and_keeps_the_history()
    {
        var (fromId, from) = await NewTeam();
        var (toId, to) = await NewTeam();
        var grain = fixture.Grains.GetGrain<ISpecialistGrain>(NewId("s"));
        await grain.Create(fromId, Person("Aoife"), string.Empty);
        await grain.SetActivityState(ActivityState.Available, ByLead);

        var moved = await grain.Move(toId, ByLead);

        Assert.Equal(toId, moved.TeamId);
        Assert.Empty(await from.ListMembers(string.Empty, 10, true));
        Assert.Single(await to.ListMembers(string.Empty, 10, true));
        Assert.Single(await grain.ListTransitions(0, 10));
    }

    [Fact]
    public async Task A_deactivated_specialist_goes_offline_leaves_the_default_list_and_refuses_changes()
    {
        var (teamId, team) = await NewTeam();
        var grain = fixture.Grains.GetGrain<ISpecialistGrain>(NewId("s"));
        await grain.Create(teamId, Person("Aoife"), string.Empty);
        await grain.SetActivityState(ActivityState.Available, ByLead);

        var gone = await grain.Deactivate(ByLead with { Reason = "left the company" });

        Assert.True(gone.Deactivated);
        Assert.Equal(ActivityState.Offline, gone.ActivityState);
        Assert.Empty(await team.ListMembers(string.Empty, 10, includeDeactivated: false));
        Assert.Single(await team.ListMembers(string.Empty, 10, includeDeactivated: true));
        Assert.Equal(2, (await grain.ListTransitions(0, 10)).Length);
        var error = await Assert.ThrowsAsync<SafetyException>(() => grain.SetActivityState(ActivityState.Available, ByLead));
        Assert.Equal(SafetyErrorKind.FailedPrecondition, error.Kind);
    }

    [Fact]
    public async Task A_watcher_wakes_on_a_change_and_otherwise_after_its_wait()
    {
        var (teamId, team) = await NewTeam();
        var first = await team.WatchNext(Guid.Empty, -1, TimeSpan.FromMinutes(1));

        var waiting = team.WatchNext(first.Incarnation, first.Version, TimeSpan.FromMinutes(1));
        Assert.False(waiting.IsCompleted);
        await fixture.Grains.GetGrain<ISpecialistGrain>(NewId("s")).Create(teamId, Person("Aoife"), string.Empty);
        var changed = await waiting;
        Assert.True(changed.Version > first.Version);
        Assert.Single(changed.Members);

        var quiet = team.WatchNext(changed.Incarnation, changed.Version, TimeSpan.FromMinutes(1));
        Assert.False(quiet.IsCompleted);
        await WaitUntil(() =>
        {
            ClusterFixture.Time.Advance(TimeSpan.FromSeconds(30));
            return quiet.IsCompleted;
        });
        Assert.Equal(changed.Version, (await quiet).Version);
    }

    [Fact]
    public async Task Ids_already_known_to_the_team_but_never_written_are_not_members()
    {
        var (_, team) = await NewTeam();
        await team.Join("ghost");

        Assert.Empty(await team.ListMembers(string.Empty, 10, true));
    }

    [Fact]
    public async Task A_failed_write_changes_nothing_and_the_next_change_carries_on_from_storage()
    {
        var (teamId, team) = await NewTeam();
        var id = NewId("s");
        var grain = fixture.Grains.GetGrain<ISpecialistGrain>(id);
        await grain.Create(teamId, Person("Aoife"), string.Empty);
        var available = await grain.SetActivityState(ActivityState.Available, ByLead);

        SwitchableGrainStorage.FailingWrites[id] = true;
        try
        {
            await Assert.ThrowsAsync<IOException>(() => grain.SetActivityState(ActivityState.Break, ByLead));
        }
        finally
        {
            SwitchableGrainStorage.FailingWrites.TryRemove(id, out _);
        }

        var after = await grain.Get();
        Assert.Equal(ActivityState.Available, after.ActivityState);
        Assert.Equal(available.Version, after.Version);
        Assert.Single(await grain.ListTransitions(0, 10));
        Assert.Equal(ActivityState.Available, Assert.Single(await team.ListMembers(string.Empty, 10, false)).ActivityState);

        var onBreak = await grain.SetActivityState(ActivityState.Break, ByLead);
        Assert.Equal(available.Version + 1, onBreak.Version);
        var history = await grain.ListTransitions(0, 10);
        Assert.Equal([1L, 2L], history.Select(h => h.Sequence));
        Assert.Equal(ActivityState.Break, history[1].To);
    }

    /// <summary>Polls a condition with a deadline; grain calls complete on other threads.</summary>
    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(20);
        }
    }
}
