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
/// An acknowledged alert and a specialist's day survive the restart too.
/// </summary>
public sealed class QueueStatsHistoryTests : OwnPlatform
{
    [Fact]
    public async Task A_closed_minute_and_an_acknowledged_alert_survive_a_silo_restart_and_the_alert_is_not_raised_again()
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
        await connection.Performance.CreateAuditAsync(new Api.Performance.V1.CreateAuditRequest
        {
            Parent = offer.Name,
            Audit = new Api.Performance.V1.Audit { Auditor = "clients/qa-tool", Agrees = true, Score = 80, ErrorCategory = Api.Performance.V1.AuditErrorCategory.None },
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
            return stored.Intervals.Sum(i => i.Completions) == 1 && stored.Intervals.Sum(i => i.Quality.Audited) == 1;
        }, TimeSpan.FromSeconds(100), () => $"stored so far: {stored}");

        Assert.All(stored.Intervals, i => Assert.True(i.Closed));
        Assert.Equal(2, stored.Intervals.Sum(i => i.Arrivals));
        Assert.Equal(1, stored.Intervals.Sum(i => i.Accepts));
        // The audit is in the stored minute it was recorded in.
        var audited = Assert.Single(stored.Intervals, i => i.Quality.Audited == 1).Quality;
        Assert.Equal((1, 1.0, 80.0), (audited.Agreed, audited.Accuracy, audited.Quality));
        Assert.Equal(stored, await connection.Monitoring.ListQueueStatsHistoryAsync(minutes));

        var day = await connection.Monitoring.GetSpecialistStatsAsync(new GetSpecialistStatsRequest { Name = aoife.Name + "/stats" });
        Assert.Equal(1, day.Handled);
        var alert = await AlertOnUnstaffedQueue(connection, team);
        await connection.Monitoring.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { Name = alert.Name, AcknowledgedBy = aoife.Name });

        await Platform.StopSilo();
        var restarted = DateTimeOffset.UtcNow;
        await Platform.StartSiloAgain();

        // The team's alerts were stored: the same alert, still open and acknowledged, after the restart.
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var watch = connection.Monitoring.WatchAlerts(new WatchAlertsRequest { Parent = team.Name }, cancellationToken: watching.Token);
        Assert.True(await watch.ResponseStream.MoveNext(watching.Token));
        var kept = Assert.Single(watch.ResponseStream.Current.Alerts, a => a.Name == alert.Name);
        Assert.Null(kept.ClearTime);
        Assert.Equal(aoife.Name, kept.AcknowledgedBy);
        // Opening the feed wakes the team's queues (nothing else has loaded them since the restart): the queue reports the
        // same condition, the acknowledged alert's numbers move on, and no second alert is raised for it.
        var seen = new List<Alert>(watch.ResponseStream.Current.Alerts);
        while (!seen.Any(a => a.Name == alert.Name && a.UpdateTime.ToDateTimeOffset() > restarted))
        {
            Assert.True(await watch.ResponseStream.MoveNext(watching.Token));
            seen.AddRange(watch.ResponseStream.Current.Alerts);
        }

        Assert.All(seen.Where(a => a.Kind == AlertKind.PredictedBreach && a.Subject == alert.Subject), a => Assert.Equal(alert.Name, a.Name));
        Assert.All(seen.Where(a => a.Name == alert.Name), a => Assert.NotNull(a.AcknowledgeTime));

        Assert.Equal(stored, await connection.Monitoring.ListQueueStatsHistoryAsync(minutes));
        // Her day was stored when her desk was unloaded: it carries on.
        var resumed = await connection.Monitoring.GetSpecialistStatsAsync(new GetSpecialistStatsRequest { Name = aoife.Name + "/stats" });
        Assert.Equal((day.Day, 1, 1), (resumed.Day, resumed.Handled, resumed.Offers));
        Assert.Equal((1, 80.0), (resumed.Quality.Audited, resumed.Quality.Quality));
        Assert.Equal(day.AverageHandleTime, resumed.AverageHandleTime);
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
