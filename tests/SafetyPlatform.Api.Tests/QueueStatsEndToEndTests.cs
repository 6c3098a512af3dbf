using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SafetyPlatform.Api.Monitoring.V1;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Work.V1;
using static SafetyPlatform.Api.Tests.RosterEndToEndTests;
using static SafetyPlatform.Api.Tests.WorkEndToEndTests;

namespace SafetyPlatform.Api.Tests;

/// <summary>A queue's live statistics read through the real gateway, as a team lead's dashboard would.</summary>
[Collection(PlatformCollection.Name)]
public class QueueStatsEndToEndTests(PlatformFixture fixture)
{
    private WorkService.WorkServiceClient Work => fixture.Connection.Work;

    private MonitoringService.MonitoringServiceClient Monitoring => fixture.Connection.Monitoring;

    [Fact]
    public async Task A_queue_reports_its_backlog_and_every_transition_of_its_items()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        var brid = await AvailableSpecialist(fixture.Connection, team, "Brid");
        var urgent = await Work.EnqueueWorkItemAsync(Report(queue, Unique("p0"), Priority.P0));
        var soon = await Work.EnqueueWorkItemAsync(Report(queue, Unique("p1"), Priority.P1));
        await Work.EnqueueWorkItemAsync(Report(queue, Unique("p2a")));
        await Work.EnqueueWorkItemAsync(Report(queue, Unique("p2b")));

        // Aoife takes the P0 and completes it; Bríd is offered the P1 and turns it down.
        var offer = (await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = aoife.Name })).WorkItem;
        Assert.Equal(urgent.Name, offer.Name);
        await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = offer.Name, Specialist = aoife.Name });
        await Work.CompleteWorkItemAsync(new CompleteWorkItemRequest
        {
            Name = offer.Name, Specialist = aoife.Name, Outcome = new Outcome { Decision = "remove", Policy = "HS-2" },
        });
        var turnedDown = (await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = brid.Name })).WorkItem;
        Assert.Equal(soon.Name, turnedDown.Name);
        await Work.RejectWorkItemAsync(new RejectWorkItemRequest { Name = turnedDown.Name, Specialist = brid.Name, Reason = "conflict of interest" });

        var stats = await Monitoring.GetQueueStatsAsync(new GetQueueStatsRequest { Name = queue.Name + "/stats" });

        Assert.Equal(queue.Name + "/stats", stats.Name);
        Assert.Equal(3, stats.Waiting);
        Assert.Equal([(Priority.P1, 1), (Priority.P2, 2)], stats.WaitingByPriority.Select(p => (p.Priority, p.Waiting)));
        Assert.Equal(0, stats.Reserved);
        Assert.Equal(0, stats.Handling);
        Assert.NotNull(stats.OldestAge);
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromMinutes(5)), stats.AtRiskWithin);
        Assert.Equal(0, stats.AtRisk);   // the P1 is due in an hour, the P2s in 8
        Assert.Equal(0, stats.Overdue);
        Assert.Equal(2, stats.BreachPrediction.StaffedSpecialists);
        Assert.NotNull(stats.BreachPrediction.HandleTime);
        Assert.False(stats.BreachPrediction.BreachPredicted);

        // The test takes well under a minute, so the current and previous intervals hold all of it.
        Assert.Equal(4, stats.Intervals.Count);
        foreach (var (current, previous) in new[] { (stats.Intervals[0], stats.Intervals[1]), (stats.Intervals[2], stats.Intervals[3]) })
        {
            Assert.False(current.Closed);
            Assert.True(previous.Closed);
            Assert.Equal(previous.EndTime, current.StartTime);
            Assert.Equal(4, current.Arrivals + previous.Arrivals);
            Assert.Equal(2, current.Offers + previous.Offers);
            Assert.Equal(1, current.Accepts + previous.Accepts);
            Assert.Equal(1, current.Rejects + previous.Rejects);
            Assert.Equal(1, current.Completions + previous.Completions);
            Assert.Equal(1, current.CompletedWithinSla + previous.CompletedWithinSla);
            var completedIn = current.Completions == 1 ? current : previous;
            Assert.Equal(1.0, completedIn.SlaAttainment);
            Assert.NotNull(completedIn.AverageHandleTime);
            var acceptedIn = current.Accepts == 1 ? current : previous;
            Assert.NotNull(acceptedIn.AverageWaitToAccept);
            Assert.Equal(acceptedIn.AverageWaitToAccept, acceptedIn.P90WaitToAccept);  // one wait: it is its own p90
        }
    }

    [Fact]
    public async Task Items_due_within_the_chosen_threshold_are_at_risk()
    {
        var (_, queue) = await NewFloor(fixture.Connection);
        await Work.EnqueueWorkItemAsync(Report(queue, Unique("p0"), Priority.P0));
        await Work.EnqueueWorkItemAsync(Report(queue, Unique("p2")));

        var stats = await Monitoring.GetQueueStatsAsync(new GetQueueStatsRequest
        {
            Name = queue.Name + "/stats",
            AtRiskWithin = Duration.FromTimeSpan(TimeSpan.FromMinutes(20)),
        });

        Assert.Equal(1, stats.AtRisk);   // the P0, due in 15 minutes
        // Nobody has asked this queue for work: every waiting item is predicted to breach, the P0 first.
        Assert.Equal(0, stats.BreachPrediction.StaffedSpecialists);
        Assert.True(stats.BreachPrediction.BreachPredicted);
        Assert.StartsWith(queue.Name + "/workItems/", stats.BreachPrediction.WorkItem, StringComparison.Ordinal);
        Assert.InRange(stats.BreachPrediction.TimeToFirstBreach.ToTimeSpan(), TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task A_watcher_gets_the_numbers_at_once_and_again_when_an_item_arrives()
    {
        var (_, queue) = await NewFloor(fixture.Connection);
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = Monitoring.WatchQueueStats(new WatchQueueStatsRequest { Name = queue.Name + "/stats" }, cancellationToken: watching.Token);

        Assert.True(await watch.ResponseStream.MoveNext(watching.Token));
        Assert.Equal(0, watch.ResponseStream.Current.Waiting);

        await Work.EnqueueWorkItemAsync(Report(queue, Unique("p1"), Priority.P1));
        await Work.EnqueueWorkItemAsync(Report(queue, Unique("p2")));
        QueueStats latest;
        do
        {
            Assert.True(await watch.ResponseStream.MoveNext(watching.Token));
            latest = watch.ResponseStream.Current;
        }
        while (latest.Waiting < 2);

        Assert.Equal(2, latest.Intervals[2].Arrivals + latest.Intervals[3].Arrivals);
        Assert.Equal([Priority.P1, Priority.P2], latest.WaitingByPriority.Select(p => p.Priority));
    }

    [Fact]
    public async Task Watching_a_queue_that_does_not_exist_is_not_found()
    {
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = Monitoring.WatchQueueStats(new WatchQueueStatsRequest { Name = "queues/nobody-watches-this/stats" }, cancellationToken: watching.Token);

        await Expect.Status(StatusCode.NotFound, () => watch.ResponseStream.MoveNext(watching.Token));
    }

    [Fact]
    public async Task A_team_lead_sees_her_members_by_state_and_the_queues_her_team_serves()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        var brid = await AvailableSpecialist(fixture.Connection, team, "Brid");
        await fixture.Connection.Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = brid.Name, ActivityState = ActivityState.Meeting });
        await Work.EnqueueWorkItemAsync(Report(queue, Unique("p1"), Priority.P1));
        var offer = (await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = aoife.Name })).WorkItem;
        await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = offer.Name, Specialist = aoife.Name });

        // The queue reports its line to the team on its next sweep, within about a second (docs/adr/0017).
        var stats = new TeamStats();
        await Loopback.WaitUntil(async () =>
            {
                stats = await Monitoring.GetTeamStatsAsync(new GetTeamStatsRequest { Name = team.Name + "/stats" });
                return stats.Queues.SingleOrDefault() is { Waiting: 0, Staffing.RecentArrivals: 1 };
            },
            TimeSpan.FromSeconds(20), () => $"the queue's line did not show the item taken: {stats}");

        Assert.Equal(team.Name + "/stats", stats.Name);
        Assert.Equal([(ActivityState.Handling, 1), (ActivityState.Meeting, 1)], stats.MembersByState.Select(m => (m.ActivityState, m.Members)));
        Assert.Equal(1, stats.OnQueue);
        Assert.True(stats.HasOccupancy);
        var served = Assert.Single(stats.Queues);
        Assert.Equal(queue.Name, served.Queue);
        Assert.Equal(0, served.Waiting);
        Assert.Equal(1, served.Staffing.StaffedSpecialists);
        Assert.Equal(1, served.Staffing.RecentArrivals);
        Assert.False(served.Staffing.HasNeededSpecialists);   // nothing completed yet: no handle time to estimate from
        Assert.False(stats.HasNeededSpecialists);
        Assert.Equal(served.CurrentQuarter.StartTime.ToDateTimeOffset() + TimeSpan.FromMinutes(15), served.CurrentQuarter.EndTime.ToDateTimeOffset());
    }

    [Fact]
    public async Task A_lead_watching_her_team_sees_a_member_go_on_break()
    {
        var (team, _) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = Monitoring.WatchTeamStats(new WatchTeamStatsRequest { Name = team.Name + "/stats" }, cancellationToken: watching.Token);
        Assert.True(await watch.ResponseStream.MoveNext(watching.Token));
        Assert.Equal(1, watch.ResponseStream.Current.OnQueue);

        await fixture.Connection.Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = aoife.Name, ActivityState = ActivityState.Break });

        TeamStats latest;
        do
        {
            Assert.True(await watch.ResponseStream.MoveNext(watching.Token));
            latest = watch.ResponseStream.Current;
        }
        while (latest.OnQueue != 0);
        Assert.Equal([(ActivityState.Break, 1)], latest.MembersByState.Select(m => (m.ActivityState, m.Members)));
    }

    [Fact]
    public async Task An_operations_manager_pages_through_the_teams_of_one_site_and_vendor()
    {
        var site = Unique("site");
        var teams = new List<Team>();
        foreach (var vendor in new[] { "acme", "acme", "globex" })
        {
            teams.Add(await fixture.Connection.Roster.CreateTeamAsync(new CreateTeamRequest
            {
                TeamId = Unique("team"),
                Team = new Team { DisplayName = "Hate speech EN", Site = site, Vendor = vendor, TimeZone = "Europe/Dublin" },
            }));
        }

        await AvailableSpecialist(fixture.Connection, teams[1], "Aoife");
        var seen = new List<TeamStats>();
        var request = new ListTeamStatsRequest { Site = site, Vendor = "acme", PageSize = 1 };
        var acmeToken = string.Empty;
        do
        {
            var page = await Monitoring.ListTeamStatsAsync(request);
            Assert.True(page.Teams.Count <= 1);
            seen.AddRange(page.Teams);
            request.PageToken = page.NextPageToken;
            acmeToken = acmeToken.Length > 0 ? acmeToken : page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(teams.Take(2).Select(t => t.Name + "/stats").Order(StringComparer.Ordinal), seen.Select(t => t.Name));
        Assert.All(seen, t => Assert.Equal((site, "acme"), (t.Site, t.Vendor)));
        Assert.Equal(1, seen.Single(t => t.Name == teams[1].Name + "/stats").OnQueue);
        await Expect.InvalidField("page_token", () => Monitoring.ListTeamStatsAsync(new ListTeamStatsRequest
        {
            Site = site, Vendor = "globex", PageToken = acmeToken,
        }).ResponseAsync);
        await Expect.InvalidField("page_size", () => Monitoring.ListTeamStatsAsync(new ListTeamStatsRequest { PageSize = 101 }).ResponseAsync);
    }

    [Fact]
    public async Task An_operations_manager_sees_the_totals_of_a_site_split_by_vendor_within_seconds_of_a_change()
    {
        var site = Unique("site");
        var (acme, queue) = await NewFloor(fixture.Connection);
        await fixture.Connection.Roster.UpdateTeamAsync(new UpdateTeamRequest
        {
            Team = new Team { Name = acme.Name, Site = site, Vendor = "acme" }, UpdateMask = new FieldMask { Paths = { "site", "vendor" } },
        });
        var globex = await fixture.Connection.Roster.CreateTeamAsync(new CreateTeamRequest
        {
            TeamId = Unique("team"),
            Team = new Team { DisplayName = "Hate speech DE", Site = site, Vendor = "globex", TimeZone = "Europe/Berlin" },
        });
        var aoife = await AvailableSpecialist(fixture.Connection, acme, "Aoife");
        await AvailableSpecialist(fixture.Connection, acme, "Brid");
        await AvailableSpecialist(fixture.Connection, globex, "Greta");
        await Work.EnqueueWorkItemAsync(Report(queue, Unique("one")));
        await Work.EnqueueWorkItemAsync(Report(queue, Unique("two")));

        // Aoife takes one item: the queue tells her team, her team tells the organisation.
        var offer = (await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = aoife.Name })).WorkItem;
        await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = offer.Name, Specialist = aoife.Name });
        await Work.CompleteWorkItemAsync(new CompleteWorkItemRequest
        {
            Name = offer.Name, Specialist = aoife.Name, Outcome = new Outcome { Decision = "remove", Policy = "HS-2" },
        });
        var whole = new OrganisationStats();
        await Loopback.WaitUntil(async () =>
            {
                whole = await Monitoring.GetOrganisationStatsAsync(new GetOrganisationStatsRequest { Site = site });
                return whole.Teams == 2 && whole.Completions == 1 && whole.OnQueue == 3;
            },
            TimeSpan.FromSeconds(20), () => $"the site's totals did not show both teams and the completion: {whole}");

        Assert.Equal(site, whole.Site);
        // Aoife may still count as HANDLING for a moment after her last item (her idle grace).
        Assert.Equal(3, whole.MembersByState.Where(m => m.ActivityState is ActivityState.Available or ActivityState.Handling).Sum(m => m.Members));
        Assert.Equal(1, whole.Queues);
        Assert.Equal(1, whole.Waiting);
        Assert.Equal(1.0, whole.SlaAttainment);
        Assert.NotNull(whole.AverageHandleTime);
        Assert.True(whole.Occupancy is > 0 and < 1, $"occupancy {whole.Occupancy}");

        // Bríd goes on break: within seconds the split by vendor shows it under acme.
        var byVendor = new ListOrganisationStatsResponse();
        var brid = (await fixture.Connection.Roster.ListSpecialistsAsync(new ListSpecialistsRequest { Parent = acme.Name })).Specialists.Single(s => s.DisplayName == "Brid");
        await fixture.Connection.Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = brid.Name, ActivityState = ActivityState.Break });
        await Loopback.WaitUntil(async () =>
            {
                byVendor = await Monitoring.ListOrganisationStatsAsync(new ListOrganisationStatsRequest { GroupBy = OrganisationGrouping.Vendor, Site = site });
                return byVendor.Groups.FirstOrDefault()?.MembersByState.Any(m => m.ActivityState == ActivityState.Break) == true;
            },
            TimeSpan.FromSeconds(20), () => $"the break did not reach the vendor totals: {byVendor}");

        Assert.Equal(["acme", "globex"], byVendor.Groups.Select(g => g.Vendor));
        Assert.All(byVendor.Groups, g => Assert.Equal((site, 1), (g.Site, g.Teams)));
        Assert.Equal(1, byVendor.Groups[0].OnQueue);
        Assert.Equal(0, byVendor.Groups[1].Queues);

        // One group a page: the token carries on from acme to globex, and only for the same request.
        var first = await Monitoring.ListOrganisationStatsAsync(new ListOrganisationStatsRequest { GroupBy = OrganisationGrouping.Vendor, Site = site, PageSize = 1 });
        Assert.Equal("acme", first.Groups.Single().Vendor);
        var second = await Monitoring.ListOrganisationStatsAsync(new ListOrganisationStatsRequest
        {
            GroupBy = OrganisationGrouping.Vendor, Site = site, PageSize = 1, PageToken = first.NextPageToken,
        });
        Assert.Equal("globex", second.Groups.Single().Vendor);
        Assert.Empty(second.NextPageToken);
        await Expect.InvalidField("page_token", () => Monitoring.ListOrganisationStatsAsync(new ListOrganisationStatsRequest
        {
            GroupBy = OrganisationGrouping.Site, Site = site, PageToken = first.NextPageToken,
        }).ResponseAsync);
        await Expect.InvalidField("group_by", () => Monitoring.ListOrganisationStatsAsync(new ListOrganisationStatsRequest()).ResponseAsync);
        await Expect.InvalidField("site", () => Monitoring.GetOrganisationStatsAsync(new GetOrganisationStatsRequest { Site = "bad\u0001site" }).ResponseAsync);
    }

    [Fact]
    public async Task A_specialists_stats_show_what_she_holds_and_her_day_so_far()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        await Work.EnqueueWorkItemAsync(Report(queue, Unique("p1"), Priority.P1));
        var offer = (await Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = aoife.Name })).WorkItem;
        await Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = offer.Name, Specialist = aoife.Name });

        var holding = await Monitoring.GetSpecialistStatsAsync(new GetSpecialistStatsRequest { Name = aoife.Name + "/stats" });
        await Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = offer.Name, Specialist = aoife.Name, Outcome = new Outcome { Decision = "remove" } });
        var done = await Monitoring.GetSpecialistStatsAsync(new GetSpecialistStatsRequest { Name = aoife.Name + "/stats" });

        Assert.Equal(aoife.Name + "/stats", holding.Name);
        Assert.Equal(team.Name, holding.Team);
        Assert.Equal(ActivityState.Handling, holding.ActivityState);
        Assert.Equal([offer.Name], holding.HeldWorkItems);
        Assert.Empty(done.HeldWorkItems);
        Assert.Equal(1, done.Handled);
        Assert.Equal(1, done.Offers);
        Assert.Equal(1.0, done.SlaAttainment);
        Assert.NotNull(done.AverageHandleTime);
        Assert.True(done.HasOccupancy);
        // The team is in Dublin: "today" is Dublin's date.
        var dublin = TimeZoneInfo.ConvertTime(done.ReadTime.ToDateTimeOffset(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Dublin"));
        Assert.Equal(dublin.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), done.Day);
    }

    [Fact]
    public async Task A_lead_watching_a_specialist_sees_her_go_on_break()
    {
        var (team, _) = await NewFloor(fixture.Connection);
        var aoife = await AvailableSpecialist(fixture.Connection, team, "Aoife");
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = Monitoring.WatchSpecialistStats(new WatchSpecialistStatsRequest { Name = aoife.Name + "/stats" }, cancellationToken: watching.Token);
        Assert.True(await watch.ResponseStream.MoveNext(watching.Token));
        Assert.Equal(ActivityState.Available, watch.ResponseStream.Current.ActivityState);

        await fixture.Connection.Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = aoife.Name, ActivityState = ActivityState.Break });

        do
        {
            Assert.True(await watch.ResponseStream.MoveNext(watching.Token));
        }
        while (watch.ResponseStream.Current.ActivityState != ActivityState.Break);
        using var bad = Monitoring.WatchSpecialistStats(new WatchSpecialistStatsRequest { Name = aoife.Name }, cancellationToken: watching.Token);
        await Expect.InvalidField("name", () => bad.ResponseStream.MoveNext(watching.Token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("specialists/x")]
    [InlineData("specialists/Bad/stats")]
    public async Task A_bad_specialist_stats_name_is_refused(string name)
    {
        await Expect.InvalidField("name", () => Monitoring.GetSpecialistStatsAsync(new GetSpecialistStatsRequest { Name = name }).ResponseAsync);
    }

    [Fact]
    public async Task Stats_of_a_specialist_who_does_not_exist_are_not_found()
    {
        await Expect.Status(StatusCode.NotFound,
            () => Monitoring.GetSpecialistStatsAsync(new GetSpecialistStatsRequest { Name = "specialists/nobody-is-called-this/stats" }).ResponseAsync);
    }

    [Theory]
    [InlineData("")]
    [InlineData("teams/x")]
    [InlineData("teams/Bad/stats")]
    [InlineData("queues/x/stats")]
    public async Task A_bad_team_stats_name_is_refused(string name)
    {
        await Expect.InvalidField("name", () => Monitoring.GetTeamStatsAsync(new GetTeamStatsRequest { Name = name }).ResponseAsync);
    }

    [Fact]
    public async Task Stats_of_a_team_that_does_not_exist_are_not_found()
    {
        await Expect.Status(StatusCode.NotFound,
            () => Monitoring.GetTeamStatsAsync(new GetTeamStatsRequest { Name = "teams/nobody-has-this-team/stats" }).ResponseAsync);
    }

    [Fact]
    public async Task History_requests_outside_what_is_kept_or_malformed_name_the_field()
    {
        var (_, queue) = await NewFloor(fixture.Connection);
        var parent = queue.Name + "/stats";
        var now = DateTimeOffset.UtcNow;

        await Expect.InvalidField("parent", () => Monitoring.ListQueueStatsHistoryAsync(new ListQueueStatsHistoryRequest { Parent = queue.Name }).ResponseAsync);
        await Expect.InvalidField("start_time", () => Monitoring.ListQueueStatsHistoryAsync(new ListQueueStatsHistoryRequest
        {
            Parent = parent, IntervalLength = IntervalLength.OneMinute, StartTime = Timestamp.FromDateTimeOffset(now.AddDays(-8)),
        }).ResponseAsync);
        await Expect.InvalidField("start_time", () => Monitoring.ListQueueStatsHistoryAsync(new ListQueueStatsHistoryRequest
        {
            Parent = parent, StartTime = Timestamp.FromDateTimeOffset(now), EndTime = Timestamp.FromDateTimeOffset(now.AddHours(-1)),
        }).ResponseAsync);
        await Expect.InvalidField("interval_length", () => Monitoring.ListQueueStatsHistoryAsync(new ListQueueStatsHistoryRequest
        {
            Parent = parent, IntervalLength = (IntervalLength)7,
        }).ResponseAsync);
        await Expect.InvalidField("page_token", () => Monitoring.ListQueueStatsHistoryAsync(new ListQueueStatsHistoryRequest
        {
            Parent = parent, PageToken = "bm90LWEtdG9rZW4",
        }).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () => Monitoring.ListQueueStatsHistoryAsync(new ListQueueStatsHistoryRequest
        {
            Parent = "queues/nobody-keeps-this/stats",
        }).ResponseAsync);
        // 90 days of quarter hours are kept: a day ago is fine, and empty for a new queue.
        Assert.Empty((await Monitoring.ListQueueStatsHistoryAsync(new ListQueueStatsHistoryRequest { Parent = parent })).Intervals);
    }

    [Fact]
    public async Task A_lead_watching_alerts_sees_a_predicted_breach_raised_once_and_her_acknowledgement()
    {
        var (team, queue) = await NewFloor(fixture.Connection);
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var watch = Monitoring.WatchAlerts(new WatchAlertsRequest { Parent = team.Name }, cancellationToken: watching.Token);
        Assert.True(await watch.ResponseStream.MoveNext(watching.Token));
        Assert.True(watch.ResponseStream.Current.Snapshot);
        Assert.Empty(watch.ResponseStream.Current.Alerts);

        // A P0 is due in 15 minutes and nobody serves the queue: the first breach is predicted at its deadline.
        await Work.EnqueueWorkItemAsync(Report(queue, Unique("p0"), Priority.P0));
        Alert? breach = null;
        while (breach is null)
        {
            Assert.True(await watch.ResponseStream.MoveNext(watching.Token));
            breach = watch.ResponseStream.Current.Alerts.FirstOrDefault(a => a.Kind == AlertKind.PredictedBreach);
        }

        Assert.Equal(queue.Name, breach.Subject);
        Assert.StartsWith(team.Name + "/alerts/", breach.Name, StringComparison.Ordinal);
        Assert.InRange(breach.Value, 14, 15);   // minutes to the breach
        Assert.Null(breach.ClearTime);

        var lead = await AvailableSpecialist(fixture.Connection, team, "Niamh");
        var acknowledged = await Monitoring.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { Name = breach.Name, AcknowledgedBy = lead.Name });
        Assert.Equal(lead.Name, acknowledged.AcknowledgedBy);
        Alert? seen = null;
        while (seen?.AcknowledgeTime is null)
        {
            Assert.True(await watch.ResponseStream.MoveNext(watching.Token));
            seen = watch.ResponseStream.Current.Alerts.FirstOrDefault(a => a.Name == breach.Name) ?? seen;
            Assert.DoesNotContain(watch.ResponseStream.Current.Alerts, a => a.Kind == AlertKind.PredictedBreach && a.Name != breach.Name);
        }

        // Acknowledging again changes nothing.
        Assert.Equal(acknowledged, await Monitoring.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { Name = breach.Name, AcknowledgedBy = lead.Name }));
    }

    [Fact]
    public async Task Alert_requests_with_bad_names_are_refused_and_unknown_ones_are_not_found()
    {
        var (team, _) = await NewFloor(fixture.Connection);

        await Expect.InvalidField("name", () => Monitoring.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { Name = team.Name, AcknowledgedBy = "specialists/lead" }).ResponseAsync);
        // Left empty, acknowledged_by is the caller (from the token); a value that names no one is refused.
        await Expect.InvalidField("acknowledged_by", () => Monitoring.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { Name = team.Name + "/alerts/a1", AcknowledgedBy = "the lead" }).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () => Monitoring.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { Name = team.Name + "/alerts/a-none", AcknowledgedBy = "specialists/lead" }).ResponseAsync);
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var bad = Monitoring.WatchAlerts(new WatchAlertsRequest { Parent = "teams/Bad" }, cancellationToken: watching.Token);
        await Expect.InvalidField("parent", () => bad.ResponseStream.MoveNext(watching.Token));
        using var unknown = Monitoring.WatchAlerts(new WatchAlertsRequest { Parent = "teams/nobody-has-this-team" }, cancellationToken: watching.Token);
        await Expect.Status(StatusCode.NotFound, () => unknown.ResponseStream.MoveNext(watching.Token));
    }

    [Theory]
    [InlineData("", 0, "name")]
    [InlineData("queues/x", 0, "name")]
    [InlineData("queues/Bad/stats", 0, "name")]
    [InlineData("queues/nobody-has-this-queue/stats", -5, "at_risk_within")]
    [InlineData("queues/nobody-has-this-queue/stats", 100_000, "at_risk_within")]
    public async Task Bad_requests_are_refused_with_the_field_named(string name, int atRiskSeconds, string field)
    {
        var request = new GetQueueStatsRequest { Name = name };
        if (atRiskSeconds != 0)
        {
            request.AtRiskWithin = Duration.FromTimeSpan(TimeSpan.FromSeconds(atRiskSeconds));
        }

        await Expect.InvalidField(field, () => Monitoring.GetQueueStatsAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task A_queue_that_does_not_exist_is_not_found()
    {
        var error = await Expect.Status(StatusCode.NotFound,
            () => Monitoring.GetQueueStatsAsync(new GetQueueStatsRequest { Name = "queues/nobody-has-this-queue/stats" }).ResponseAsync);

        Assert.Contains("queues/nobody-has-this-queue", error.Status.Detail, StringComparison.Ordinal);
    }
}
