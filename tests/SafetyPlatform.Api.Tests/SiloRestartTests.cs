using Grpc.Core;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Client;
using static SafetyPlatform.Api.Tests.RosterEndToEndTests;

namespace SafetyPlatform.Api.Tests;

/// <summary>
/// A platform of its own, because it stops its silo: everything acknowledged before the
/// restart reads back unchanged after it; the stopping silo reports NOT_SERVING while it
/// drains, and the gateway answers UNAVAILABLE while no silo is up.
/// </summary>
public sealed class SiloRestartTests : OwnPlatform
{
    [Fact]
    public async Task A_silo_restart_loses_nothing_that_was_acknowledged()
    {
        using var connection = Platform.Connect();
        var roster = connection.Roster;
        var north = await NewTeam(roster);
        var south = await NewTeam(roster);
        var people = new List<Specialist>();
        for (var i = 0; i < 4; i++)
        {
            people.Add(await NewSpecialist(roster, north, $"Specialist {i}"));
        }

        await roster.SetActivityStateAsync(new SetActivityStateRequest { Name = people[0].Name, ActivityState = ActivityState.Available, Reason = "shift" });
        await roster.SetActivityStateAsync(new SetActivityStateRequest { Name = people[0].Name, ActivityState = ActivityState.Break });
        await roster.SetActivityStateAsync(new SetActivityStateRequest { Name = people[1].Name, ActivityState = ActivityState.Training });
        await roster.MoveSpecialistAsync(new MoveSpecialistRequest { Name = people[2].Name, Team = south.Name });
        await roster.DeactivateSpecialistAsync(new DeactivateSpecialistRequest { Name = people[3].Name, Reason = "left" });
        await roster.UpdateTeamAsync(new UpdateTeamRequest { Team = new Team { Name = north.Name, Lead = people[0].Name } });
        var before = await Everything(roster, north, south, people);

        var healthWhileStopping = await Platform.StopSiloWatchingHealth();
        Assert.Contains(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.NotServing, healthWhileStopping);
        using (var noRetry = Platform.Connect(new SafetyConnectionOptions { MaxAttempts = 1 }))
        {
            await Expect.Status(StatusCode.Unavailable, () => noRetry.Roster.GetTeamAsync(new GetTeamRequest { Name = north.Name }).ResponseAsync);
        }

        await Loopback.WaitUntil(
            async () => await Platform.GatewayHealth() == Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.NotServing,
            TimeSpan.FromSeconds(30),
            Platform.Diagnostics);

        // Whether NOT_SERVING is seen while the silo joins depends on how fast it joins; the
        // readiness rule itself is unit-tested in SafetyPlatform.Silo.Tests.
        await Platform.StartSiloAgain();
        var after = await Everything(roster, north, south, people);

        Assert.Equal(before, after);
        var resumed = await roster.SetActivityStateAsync(new SetActivityStateRequest { Name = people[0].Name, ActivityState = ActivityState.Available });
        Assert.Equal(ActivityState.Available, resumed.ActivityState);
        Assert.Equal(3, (await roster.ListActivityTransitionsAsync(new ListActivityTransitionsRequest { Parent = people[0].Name })).ActivityTransitions.Count);
    }

    [Fact]
    public async Task A_killed_silo_loses_no_acknowledged_write_and_watchers_resume_with_a_snapshot()
    {
        using var connection = Platform.Connect();
        var roster = connection.Roster;
        var team = await NewTeam(roster);
        var aoife = await NewSpecialist(roster, team, "Aoife");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await using var watch = roster.WatchTeamContinuously(team.Name, TimeSpan.FromMilliseconds(200), stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await watch.MoveNextAsync());
        Assert.True(watch.Current.Snapshot);

        var acknowledged = await roster.SetActivityStateAsync(new SetActivityStateRequest { Name = aoife.Name, ActivityState = ActivityState.Available });
        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(ActivityState.Available, Assert.Single(watch.Current.Specialists).ActivityState);

        await Platform.KillSilo();
        await Platform.StartSiloAgain();

        // The watch helper reconnects by itself; its first message after that is a snapshot.
        do
        {
            Assert.True(await watch.MoveNextAsync());
        }
        while (!watch.Current.Snapshot);
        Assert.Equal(ActivityState.Available, Assert.Single(watch.Current.Specialists).ActivityState);

        var read = await roster.GetSpecialistAsync(new GetSpecialistRequest { Name = aoife.Name });
        Assert.Equal(acknowledged.Etag, read.Etag);
        Assert.Equal(ActivityState.Available, read.ActivityState);

        await roster.SetActivityStateAsync(new SetActivityStateRequest { Name = aoife.Name, ActivityState = ActivityState.Break });
        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(ActivityState.Break, Assert.Single(watch.Current.Specialists).ActivityState);
    }

    private static async Task<string> Everything(RosterService.RosterServiceClient roster, Team north, Team south, IEnumerable<Specialist> people)
    {
        var parts = new List<string>();
        foreach (var team in new[] { north, south })
        {
            parts.Add((await roster.GetTeamAsync(new GetTeamRequest { Name = team.Name })).ToString());
            var members = await roster.ListSpecialistsAsync(new ListSpecialistsRequest { Parent = team.Name, ShowDeactivated = true });
            parts.AddRange(members.Specialists.Select(Stable));
        }

        foreach (var person in people)
        {
            parts.Add(Stable(await roster.GetSpecialistAsync(new GetSpecialistRequest { Name = person.Name })));
            parts.Add((await roster.ListActivityTransitionsAsync(new ListActivityTransitionsRequest { Parent = person.Name })).ToString());
        }

        parts.Add((await roster.ListTeamsAsync(new ListTeamsRequest { PageSize = 1000 })).ToString());
        return string.Join("\n", parts);
    }

    private static string Stable(Specialist specialist) => new Specialist(specialist) { TimeInActivityState = null }.ToString();
}
