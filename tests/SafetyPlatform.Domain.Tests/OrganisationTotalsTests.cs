using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Roster;
using static SafetyPlatform.Domain.Tests.WorkFixtures;

namespace SafetyPlatform.Domain.Tests;

/// <summary>
/// An operations manager's totals over teams: members once each, queues once each (the later
/// report wins), completions, SLA attainment and AHT over the distinct queues, occupancy as
/// handling ÷ logged in summed over the teams and run on to the read.
/// </summary>
public class OrganisationTotalsTests
{
    private static readonly StatsInterval ThisQuarter = new(At(10, 0), StatsInterval.FifteenMinutes);

    // Dublin, reported at 10:07: hate-en (30 waiting, 2 at risk, needs 16; 30 completed, 27 in time, AHT 4 min)
    // and hate-de (4 waiting, needs 3; 10 completed, 5 in time, AHT 8 min). Members: one AVAILABLE
    // (1 h handling of 4 h logged in), one HANDLING (3 h of 4 h), one OFFLINE.
    private static readonly TeamStats Dublin = TeamStats.From("dublin", "Dublin", "in-house", TimeZoneInfo.Utc, At(10, 7),
        [
            (ActivityState.Available, TimeSpan.FromHours(1), TimeSpan.FromHours(4)),
            (ActivityState.Handling, TimeSpan.FromHours(3), TimeSpan.FromHours(4)),
            (ActivityState.Offline, TimeSpan.Zero, TimeSpan.Zero),
        ],
        [
            new QueueStaffing("hate-en", 30, 2, 0, 2, 16, 30, TimeSpan.FromMinutes(4), Quarter(30, 27, TimeSpan.FromMinutes(4))),
            new QueueStaffing("hate-de", 4, 0, 0, 1, 3, 5, TimeSpan.FromMinutes(8), Quarter(10, 5, TimeSpan.FromMinutes(8))),
        ]);

    // Lisbon (vendor Acme), reported a minute later at 10:08: hate-en again, by now 28 waiting, 1 at
    // risk, needs 15, 32 completed, 28 in time; and spam-pt (100 waiting, needs 5; 20 completed, all
    // in time, AHT 2 min). Members: one HANDLING (2 h of 2 h), one on BREAK (0 of 2 h).
    private static readonly TeamStats Lisbon = TeamStats.From("lisbon", "Lisbon", "Acme", TimeZoneInfo.Utc, At(10, 8),
        [
            (ActivityState.Handling, TimeSpan.FromHours(2), TimeSpan.FromHours(2)),
            (ActivityState.Break, TimeSpan.Zero, TimeSpan.FromHours(2)),
        ],
        [
            new QueueStaffing("hate-en", 28, 1, 0, 3, 15, 30, TimeSpan.FromMinutes(4), Quarter(32, 28, TimeSpan.FromMinutes(4))),
            new QueueStaffing("spam-pt", 100, 0, 0, 1, 5, 60, TimeSpan.FromMinutes(2), Quarter(20, 20, TimeSpan.FromMinutes(2))),
        ]);

    [Fact]
    public void Members_count_once_each_and_a_queue_two_teams_serve_counts_once_with_its_later_numbers()
    {
        var totals = OrganisationTotals.Group([Dublin, Lisbon], OrganisationGrouping.Whole, "", "", At(10, 8))[""];

        Assert.Equal(2, totals.Teams);
        Assert.Equal(2, totals.MembersByState[ActivityState.Handling]);
        Assert.Equal(1, totals.MembersByState[ActivityState.Available]);
        Assert.Equal(1, totals.MembersByState[ActivityState.Break]);
        Assert.Equal(1, totals.MembersByState[ActivityState.Offline]);
        Assert.Equal(3, totals.OnQueue);
        // hate-en once, from Lisbon's 10:08 report: needs 15 + hate-de 3 + spam-pt 5.
        Assert.Equal(3, totals.Queues.Count);
        Assert.Equal(23, totals.Needed);
        Assert.Equal(28 + 4 + 100, totals.Waiting);
        Assert.Equal(1, totals.AtRisk);
        // 32 + 10 + 20 = 62 completed, 28 + 5 + 20 = 53 in time; AHT (32 × 4 + 10 × 8 + 20 × 2) ÷ 62 = 248 ÷ 62 = 4 min.
        Assert.Equal(62, totals.Completions);
        Assert.Equal(53.0 / 62, totals.SlaAttainment);
        Assert.Equal(TimeSpan.FromMinutes(4), totals.AverageHandleTime);
        // Dublin run on 1 minute: handling 4 h + 1 min (one member handling), logged in 8 h + 2 min (two logged in);
        // Lisbon as reported: 2 h of 4 h. (6 h 1 min) ÷ (12 h 2 min) = 361 ÷ 722.
        Assert.Equal(TimeSpan.FromMinutes(361), totals.Handling);
        Assert.Equal(TimeSpan.FromMinutes(722), totals.LoggedIn);
        Assert.Equal(0.5, totals.Occupancy);
    }

    [Fact]
    public void Totals_split_by_site_or_vendor_and_filter_by_either()
    {
        var bySite = OrganisationTotals.Group([Dublin, Lisbon], OrganisationGrouping.Site, "", "", At(10, 8));
        Assert.Equal(["Dublin", "Lisbon"], bySite.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, bySite["Dublin"].Queues.Count);
        Assert.Equal(30, bySite["Dublin"].Queues["hate-en"].Staffing.Waiting);

        var acme = OrganisationTotals.Group([Dublin, Lisbon], OrganisationGrouping.Whole, "", "Acme", At(10, 8));
        Assert.Equal(1, acme[""].Teams);
        Assert.Equal(["hate-en", "spam-pt"], acme[""].Queues.Keys.Order(StringComparer.Ordinal));

        Assert.Empty(OrganisationTotals.Group([Dublin, Lisbon], OrganisationGrouping.Vendor, "Dublin", "Acme", At(10, 8)));
    }

    [Fact]
    public void Totals_built_in_parts_add_up_to_the_totals_built_at_once()
    {
        var whole = OrganisationTotals.Group([Dublin, Lisbon], OrganisationGrouping.Whole, "", "", At(10, 8))[""];
        var dublin = OrganisationTotals.Group([Dublin], OrganisationGrouping.Whole, "", "", At(10, 8))[""];
        var lisbon = OrganisationTotals.Group([Lisbon], OrganisationGrouping.Whole, "", "", At(10, 8))[""];

        foreach (var sum in new[] { dublin.Plus(lisbon), lisbon.Plus(dublin) })
        {
            Assert.Equal(whole.Teams, sum.Teams);
            Assert.Equal(whole.MembersByState, sum.MembersByState);
            Assert.Equal(whole.Queues, sum.Queues);
            Assert.Equal((whole.Handling, whole.LoggedIn), (sum.Handling, sum.LoggedIn));
            Assert.Equal(whole.Needed, sum.Needed);
        }
    }

    [Fact]
    public void A_teams_day_runs_on_to_its_own_midnight_and_then_counts_from_it()
    {
        // Tokyo (UTC+9) reported at 14:30 UTC, 23:30 local: two members HANDLING, 5 h handling of 8 h logged in today.
        var tokyo = TeamTimeZone.Find("Asia/Tokyo");
        var team = TeamStats.From("tokyo", "Tokyo", "", tokyo, At(14, 30),
            [
                (ActivityState.Handling, TimeSpan.FromHours(3), TimeSpan.FromHours(4)),
                (ActivityState.Handling, TimeSpan.FromHours(2), TimeSpan.FromHours(4)),
            ],
            []);

        // 20 minutes later, still the same local day: 5 h + 2 × 20 min, 8 h + 2 × 20 min.
        Assert.Equal((TimeSpan.FromMinutes(340), TimeSpan.FromMinutes(520)), OrganisationTotals.RunOn(team, At(14, 50)));
        // 15:30 UTC is 00:30 the next day in Tokyo: the day counts from midnight, 2 × 30 min each.
        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.FromHours(1)), OrganisationTotals.RunOn(team, At(15, 30)));
    }

    private static QueueIntervalStats Quarter(int completions, int inTime, TimeSpan aht) =>
        new(ThisQuarter, false, 0, 0, 0, 0, 0, 0, 0, completions, 0, 0, inTime, (double)inTime / completions, null, null, aht, Domain.Quality.QualityTally.None);
}
