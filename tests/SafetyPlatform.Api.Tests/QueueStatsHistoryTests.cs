using Google.Protobuf.WellKnownTypes;
using SafetyPlatform.Api.Monitoring.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Work.V1;
using static SafetyPlatform.Api.Tests.RosterEndToEndTests;
using static SafetyPlatform.Api.Tests.WorkEndToEndTests;

namespace SafetyPlatform.Api.Tests;

/// <summary>
/// A queue's history of closed intervals, on real Azurite through the gateway. A platform of
/// its own, because it restarts its silo. It waits for a real minute to close (up to about 70 s).
/// </summary>
public sealed class QueueStatsHistoryTests : OwnPlatform
{
    [Fact]
    public async Task A_closed_minute_is_stored_reads_the_same_again_and_survives_a_silo_restart()
    {
        using var connection = Platform.Connect();
        var (team, queue) = await NewFloor(connection);
        var aoife = await AvailableSpecialist(connection, team, "Aoife");
        await connection.Work.EnqueueWorkItemAsync(Report(queue, Unique("p1"), Priority.P1));
        await connection.Work.EnqueueWorkItemAsync(Report(queue, Unique("p2")));
        var offer = (await connection.Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = aoife.Name })).WorkItem;
        await connection.Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = offer.Name, Specialist = aoife.Name });
        await connection.Work.CompleteWorkItemAsync(new CompleteWorkItemRequest
        {
            Name = offer.Name, Specialist = aoife.Name, Outcome = new Outcome { Decision = "remove" },
        });
        var minutes = new ListQueueStatsHistoryRequest
        {
            Parent = queue.Name + "/stats",
            IntervalLength = IntervalLength.OneMinute,
            StartTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-5)),
            EndTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(5)),
        };

        // The items' minute (or two, if the test straddled a minute's end) closes and is stored.
        ListQueueStatsHistoryResponse stored = new();
        await Loopback.WaitUntil(async () =>
        {
            stored = await connection.Monitoring.ListQueueStatsHistoryAsync(minutes);
            return stored.Intervals.Sum(i => i.Completions) == 1;
        }, TimeSpan.FromSeconds(100), () => $"stored so far: {stored}");

        Assert.All(stored.Intervals, i => Assert.True(i.Closed));
        Assert.Equal(2, stored.Intervals.Sum(i => i.Arrivals));
        Assert.Equal(1, stored.Intervals.Sum(i => i.Accepts));
        Assert.Equal(stored, await connection.Monitoring.ListQueueStatsHistoryAsync(minutes));

        await Platform.StopSilo();
        await Platform.StartSiloAgain();

        Assert.Equal(stored, await connection.Monitoring.ListQueueStatsHistoryAsync(minutes));
    }
}
