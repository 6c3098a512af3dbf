using System.Collections.Immutable;
using SafetyPlatform.Domain.Quality;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Monitoring;

/// <summary>
/// Live totals over a set of teams, for an operations manager (docs/METRICS.md, "Organisation
/// totals"). Members are counted once each, in their team; queues once each however many of the
/// teams serve them, with the numbers of the latest team report that carried them; time handling
/// and logged in today runs on from each team's report to <see cref="At"/>, on the team's own
/// clock. Totals add up, so they can be built where the team reports are kept and summed.
/// </summary>
public sealed record OrganisationTotals(
    DateTimeOffset At,
    int Teams,
    ImmutableDictionary<ActivityState, int> MembersByState,
    ImmutableDictionary<string, ReportedQueue> Queues,
    TimeSpan Handling,
    TimeSpan LoggedIn) : IFloorTotals
{
    /// <summary>No teams yet, as at <paramref name="at"/>.</summary>
    public static OrganisationTotals None(DateTimeOffset at) =>
        new(at, 0, ImmutableDictionary<ActivityState, int>.Empty, ImmutableDictionary<string, ReportedQueue>.Empty, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>
    /// The totals of the <paramref name="teams"/> whose site and vendor match (an empty filter
    /// matches all), as at <paramref name="at"/>, split by <paramref name="grouping"/> (keyed by
    /// site or vendor; one total under the empty key for <see cref="OrganisationGrouping.Whole"/>).
    /// </summary>
    public static ImmutableDictionary<string, OrganisationTotals> Group(IEnumerable<TeamStats> teams, OrganisationGrouping grouping,
        string site, string vendor, DateTimeOffset at)
    {
        var groups = new Dictionary<string, OrganisationTotals>(StringComparer.Ordinal);
        foreach (var team in teams.Where(t => (site.Length == 0 || t.Site == site) && (vendor.Length == 0 || t.Vendor == vendor)))
        {
            var key = grouping switch
            {
                OrganisationGrouping.Site => team.Site,
                OrganisationGrouping.Vendor => team.Vendor,
                _ => string.Empty,
            };
            groups[key] = groups.GetValueOrDefault(key, None(at)).Add(team);
        }

        return groups.ToImmutableDictionary(StringComparer.Ordinal);
    }

    /// <summary>These totals with one more team's picture, run on to <see cref="At"/>.</summary>
    public OrganisationTotals Add(TeamStats team)
    {
        var (handling, loggedIn) = RunOn(team, At);
        var queues = Queues.ToBuilder();
        foreach (var queue in team.Queues)
        {
            Keep(queues, new ReportedQueue(queue, team.At));
        }

        return this with
        {
            Teams = Teams + 1,
            MembersByState = Sum(MembersByState, team.MembersByState),
            Queues = queues.ToImmutable(),
            Handling = Handling + handling,
            LoggedIn = LoggedIn + loggedIn,
        };
    }

    /// <summary>The totals of two disjoint sets of teams as at the later of their times (each part is already run on to its own).</summary>
    public OrganisationTotals Plus(OrganisationTotals other)
    {
        var queues = Queues.ToBuilder();
        foreach (var queue in other.Queues.Values)
        {
            Keep(queues, queue);
        }

        return new OrganisationTotals(At > other.At ? At : other.At, Teams + other.Teams, Sum(MembersByState, other.MembersByState),
            queues.ToImmutable(), Handling + other.Handling, LoggedIn + other.LoggedIn);
    }

    /// <summary>Members who can take work now: AVAILABLE or HANDLING.</summary>
    public int OnQueue => MembersByState.GetValueOrDefault(ActivityState.Available) + MembersByState.GetValueOrDefault(ActivityState.Handling);

    /// <summary>The specialists the distinct queues need in all, over those with an estimate; null when none has one.</summary>
    public int? Needed => Queues.Values.Any(q => q.Staffing.Needed is not null) ? Queues.Values.Sum(q => q.Staffing.Needed ?? 0) : null;

    /// <summary>Items waiting in the distinct queues.</summary>
    public int Waiting => Queues.Values.Sum(q => q.Staffing.Waiting);

    /// <summary>Items in the distinct queues whose deadline is near (as each queue counts it) or past.</summary>
    public int AtRisk => Queues.Values.Sum(q => q.Staffing.AtRisk);

    /// <summary>Items completed in the distinct queues' current quarter hours.</summary>
    public int Completions => Queues.Values.Sum(q => q.Staffing.Quarter.Completions);

    /// <summary>Share of those completed at or before their deadline; null when none was completed.</summary>
    public double? SlaAttainment => Completions == 0 ? null : (double)Queues.Values.Sum(q => q.Staffing.Quarter.CompletedWithinSla) / Completions;

    /// <summary>Their average handle time; null when none was completed.</summary>
    public TimeSpan? AverageHandleTime => Completions == 0
        ? null
        : Queues.Values.Aggregate(TimeSpan.Zero, (sum, q) => sum + (q.Staffing.Quarter.AverageHandleTime ?? TimeSpan.Zero) * q.Staffing.Quarter.Completions) / Completions;

    /// <summary>Audits and golden items of the distinct queues' current quarter hours.</summary>
    public QualityTally Quality => QualityTally.Sum(Queues.Values.Select(q => q.Staffing.Quarter.Quality));

    /// <summary>The members' time handling today over their time logged in today; null before anyone logged in.</summary>
    public double? Occupancy => LoggedIn <= TimeSpan.Zero ? null : Handling / LoggedIn;

    /// <summary>
    /// A team's time handling and logged in today, run on from its picture to <paramref name="at"/>:
    /// each member stays in the state the picture shows (any change would have brought a new
    /// picture), and after the team's local midnight the day counts from that midnight.
    /// </summary>
    public static (TimeSpan Handling, TimeSpan LoggedIn) RunOn(TeamStats team, DateTimeOffset at)
    {
        var handlingNow = team.MembersByState.GetValueOrDefault(ActivityState.Handling);
        var loggedInNow = team.MembersByState.Where(s => s.Key is not (ActivityState.Offline or ActivityState.Unspecified)).Sum(s => s.Value);
        var today = TeamTimeZone.LocalDay(team.Zone, at);
        if (at <= team.At || today == TeamTimeZone.LocalDay(team.Zone, team.At))
        {
            var since = at > team.At ? at - team.At : TimeSpan.Zero;
            return (team.Handling + handlingNow * since, team.LoggedIn + loggedInNow * since);
        }

        var sinceMidnight = at - TeamTimeZone.Midnight(team.Zone, today);
        return (handlingNow * sinceMidnight, loggedInNow * sinceMidnight);
    }

    private static void Keep(ImmutableDictionary<string, ReportedQueue>.Builder queues, ReportedQueue queue)
    {
        if (!queues.TryGetValue(queue.Staffing.QueueId, out var kept) || queue.ReportedAt > kept.ReportedAt)
        {
            queues[queue.Staffing.QueueId] = queue;
        }
    }

    private static ImmutableDictionary<ActivityState, int> Sum(ImmutableDictionary<ActivityState, int> a, ImmutableDictionary<ActivityState, int> b)
    {
        var sum = a.ToBuilder();
        foreach (var (state, count) in b)
        {
            sum[state] = sum.GetValueOrDefault(state) + count;
        }

        return sum.ToImmutable();
    }
}
