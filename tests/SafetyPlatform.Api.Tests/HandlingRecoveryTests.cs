using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Work.V1;
using SafetyPlatform.Client;
using static SafetyPlatform.Api.Tests.WorkEndToEndTests;

namespace SafetyPlatform.Api.Tests;

/// <summary>
/// A platform of its own, with a long idle grace, so that the silo is surely killed while a
/// specialist's return to AVAILABLE is still pending.
/// </summary>
public sealed class HandlingRecoveryTests()
    : OwnPlatform(inMemoryStorage: true, new Dictionary<string, string> { ["Routing__IdleGrace"] = "00:10:00" })
{
    [Fact]
    public async Task A_specialist_left_handling_nothing_by_a_killed_silo_is_available_again()
    {
        using var connection = Platform.Connect();
        var (team, queue) = await NewFloor(connection);
        var aoife = await AvailableSpecialist(connection, team, "Aoife");
        await connection.Work.EnqueueWorkItemAsync(Report(queue, RequestIds.New()));
        var item = (await connection.Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = aoife.Name })).WorkItem;
        await connection.Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = item.Name, Specialist = aoife.Name });
        await connection.Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = item.Name, Specialist = aoife.Name, Outcome = new Outcome { Decision = "keep" } });

        // Within the grace she still reads HANDLING, and the pending return dies with the silo.
        Assert.Equal(ActivityState.Handling, (await connection.Roster.GetSpecialistAsync(new GetSpecialistRequest { Name = aoife.Name })).ActivityState);
        await Platform.KillSilo();
        await Platform.StartSiloAgain();

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Specialist now;
        while ((now = await connection.Roster.GetSpecialistAsync(new GetSpecialistRequest { Name = aoife.Name })).ActivityState != ActivityState.Available)
        {
            Assert.Equal(ActivityState.Handling, now.ActivityState);
            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }

        var history = await connection.Roster.ListActivityTransitionsAsync(new ListActivityTransitionsRequest { Parent = aoife.Name, PageSize = 10 });
        Assert.Equal("holds no work after a restart", history.ActivityTransitions[^1].Reason);
    }
}
