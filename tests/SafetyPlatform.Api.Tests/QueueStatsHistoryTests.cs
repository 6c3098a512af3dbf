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
/// A specialist's day survives the restart too.
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

        var day = await connection.Monitoring.GetSpecialistStatsAsync(new GetSpecialistStatsRequest { Name = aoife.Name + "/stats" });
        Assert.Equal(1, day.Handled);
        var alert = await AlertOnUnstaffedQueue(connection, team);

        await Platform.StopSilo();
        await Platform.StartSiloAgain();

        Assert.Equal(stored, await connection.Monitoring.ListQueueStatsHistoryAsync(minutes));
        // Her day was stored when her desk was unloaded: it carries on.
        var resumed = await connection.Monitoring.GetSpecialistStatsAsync(new GetSpecialistStatsRequest { Name = aoife.Name + "/stats" });
        Assert.Equal((day.Day, 1, 1), (resumed.Day, resumed.Handled, resumed.Offers));
        Assert.Equal(day.AverageHandleTime, resumed.AverageHandleTime);
        // The team's alerts were stored: the same alert, still open, after the restart.
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = connection.Monitoring.WatchAlerts(new WatchAlertsRequest { Parent = team.Name }, cancellationToken: watching.Token);
        Assert.True(await watch.ResponseStream.MoveNext(watching.Token));
        Assert.Contains(watch.ResponseStream.Current.Alerts, a => a.Name == alert.Name && a.ClearTime is null);
    }

    /// <summary>A second queue of the team gets a P0 nobody serves: a predicted breach is raised within a few seconds.</summary>
    private static async Task<Alert> AlertOnUnstaffedQueue(SafetyPlatform.Client.SafetyConnection connection, Api.Roster.V1.Team team)
    {
        var queue = await connection.Work.CreateQueueAsync(new CreateQueueRequest
        {
            QueueId = Unique("queue"),
            Queue = new Queue { DisplayName = "Self-harm EN", HarmCategory = SafetyPlatform.Api.Type.V1.HarmCategory.HateSpeech, LanguageCodes = { "en" }, ServingTeams = { team.Name } },
        });
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = connection.Monitoring.WatchAlerts(new WatchAlertsRequest { Parent = team.Name }, cancellationToken: watching.Token);
        await connection.Work.EnqueueWorkItemAsync(Report(queue, Unique("p0"), Priority.P0));
        while (true)
        {
            Assert.True(await watch.ResponseStream.MoveNext(watching.Token));
            if (watch.ResponseStream.Current.Alerts.FirstOrDefault(a => a.Subject == queue.Name && a.Kind == AlertKind.PredictedBreach) is { } alert)
            {
                return alert;
            }
        }
    }
}
