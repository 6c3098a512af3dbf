using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using static SafetyPlatform.Api.Tests.RosterEndToEndTests;

namespace SafetyPlatform.Api.Tests;

/// <summary>WatchTeam through the gateway: a snapshot first, then changes, and a fresh snapshot on reconnect.</summary>
[Collection(PlatformCollection.Name)]
public class WatchTeamTests(PlatformFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private RosterService.RosterServiceClient Roster => fixture.Connection.Roster;

    [Fact]
    public async Task A_watcher_gets_the_roster_then_each_change_and_a_snapshot_again_after_reconnecting()
    {
        var team = await NewTeam(Roster);
        var aoife = await NewSpecialist(Roster, team, "Aoife");
        var bram = await NewSpecialist(Roster, team, "Bram");
        using var timeout = new CancellationTokenSource(Patience);

        using (var call = Roster.WatchTeam(new WatchTeamRequest { Name = team.Name }, cancellationToken: timeout.Token))
        {
            var snapshot = await Next(call, timeout.Token);
            Assert.True(snapshot.Snapshot);
            Assert.Equal(team.Name, snapshot.Team.Name);
            Assert.Equal(new[] { aoife.Name, bram.Name }.Order(StringComparer.Ordinal), snapshot.Specialists.Select(s => s.Name));
            Assert.All(snapshot.Specialists, s => Assert.Equal(ActivityState.Offline, s.ActivityState));

            await Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = aoife.Name, ActivityState = ActivityState.Available });
            var change = await Next(call, timeout.Token);
            Assert.False(change.Snapshot);
            var changed = Assert.Single(change.Specialists);
            Assert.Equal(aoife.Name, changed.Name);
            Assert.Equal(ActivityState.Available, changed.ActivityState);

            var other = await NewTeam(Roster);
            await Roster.MoveSpecialistAsync(new MoveSpecialistRequest { Name = bram.Name, Team = other.Name });
            var departure = await Next(call, timeout.Token);
            Assert.Equal(bram.Name, Assert.Single(departure.DepartedSpecialists));
            Assert.Equal(1, departure.Team.MemberCount);
        }

        // A change while nobody watches is not missed: the next stream starts from the current state.
        await Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = aoife.Name, ActivityState = ActivityState.WellnessBreak });
        using (var call = Roster.WatchTeam(new WatchTeamRequest { Name = team.Name }, cancellationToken: timeout.Token))
        {
            var snapshot = await Next(call, timeout.Token);
            Assert.True(snapshot.Snapshot);
            var only = Assert.Single(snapshot.Specialists);
            Assert.Equal(ActivityState.WellnessBreak, only.ActivityState);
        }
    }

    [Fact]
    public async Task Watching_an_unknown_team_is_not_found()
    {
        using var call = Roster.WatchTeam(new WatchTeamRequest { Name = "teams/nobody-watches" }, deadline: DateTime.UtcNow.AddSeconds(30));
        await Expect.Status(Grpc.Core.StatusCode.NotFound, () => call.ResponseStream.MoveNext(CancellationToken.None));
    }

    private static async Task<WatchTeamResponse> Next(Grpc.Core.AsyncServerStreamingCall<WatchTeamResponse> call, CancellationToken cancel)
    {
        Assert.True(await call.ResponseStream.MoveNext(cancel), "the stream ended");
        return call.ResponseStream.Current;
    }
}
