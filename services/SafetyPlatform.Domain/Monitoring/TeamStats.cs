using System.Collections.Immutable;
using SafetyPlatform.Domain.Quality;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Monitoring;

/// <summary>
/// A team's live picture: its members by activity state, and each queue it serves with its
/// staffing. The team's SLA attainment and AHT for the current quarter hour are those of the
/// queues it serves, weighted by their completions (a queue served by several teams counts
/// whole for each); its occupancy is its members' time handling today over their time logged
/// in today.
/// </summary>
public sealed record TeamStats(
    string TeamId,
    string Site,
    string Vendor,
    TimeZoneInfo Zone,
    DateTimeOffset At,
    ImmutableDictionary<ActivityState, int> MembersByState,
    ImmutableArray<QueueStaffing> Queues,
    int Completions,
    double? SlaAttainment,
    TimeSpan? AverageHandleTime,
    TimeSpan Handling,
    TimeSpan LoggedIn) : IFloorTotals
{
    /// <summary>The members' time handling today over their time logged in today; null before anyone logged in.</summary>
    public double? Occupancy => LoggedIn <= TimeSpan.Zero ? null : Handling / LoggedIn;

    /// <summary>Audits and golden items of the current quarter hour in the queues it serves.</summary>
    public QualityTally Quality => QualityTally.Sum(Queues.Select(q => q.Quarter.Quality));

    /// <summary>Members who can take work now: AVAILABLE or HANDLING.</summary>
    public int OnQueue => MembersByState.GetValueOrDefault(ActivityState.Available) + MembersByState.GetValueOrDefault(ActivityState.Handling);

    /// <summary>The specialists the team's queues need in all, over those with an estimate; null when none has one.</summary>
    public int? Needed => Queues.Any(q => q.Needed is not null) ? Queues.Sum(q => q.Needed ?? 0) : null;

    /// <summary>
    /// The team's picture from each member's day as last reported (<paramref name="members"/>,
    /// on the team's clock <paramref name="zone"/>), run on to <paramref name="at"/>: a day kept
    /// before midnight counts from midnight, and the state a member is in runs with the clock.
    /// </summary>
    public static TeamStats FromDays(string teamId, string site, string vendor, TimeZoneInfo zone, DateTimeOffset at,
        IEnumerable<SpecialistDayRecord> members, IEnumerable<QueueStaffing> queues) =>
        From(teamId, site, vendor, zone, at, [.. members.Select(kept => SpecialistDay.Resume(zone, kept, at))
            .Select(day => (day.State, day.TimeIn(ActivityState.Handling, at), day.LoggedIn(at)))], queues);

    /// <summary>The team's picture from each member's state now and time today handling and logged in, and from its queues.</summary>
    public static TeamStats From(string teamId, string site, string vendor, TimeZoneInfo zone, DateTimeOffset at,
        IReadOnlyCollection<(ActivityState State, TimeSpan Handling, TimeSpan LoggedIn)> members, IEnumerable<QueueStaffing> queues)
    {
        var served = queues.OrderBy(q => q.QueueId, StringComparer.Ordinal).ToImmutableArray();
        var completions = served.Sum(q => q.Quarter.Completions);
        var withinSla = served.Sum(q => q.Quarter.CompletedWithinSla);
        var handleTime = served.Aggregate(TimeSpan.Zero, (sum, q) => sum + (q.Quarter.AverageHandleTime ?? TimeSpan.Zero) * q.Quarter.Completions);
        return new TeamStats(
            teamId,
            site,
            vendor,
            zone,
            at,
            members.GroupBy(m => m.State).ToImmutableDictionary(g => g.Key, g => g.Count()),
            served,
            completions,
            completions == 0 ? null : (double)withinSla / completions,
            completions == 0 ? null : handleTime / completions,
            members.Aggregate(TimeSpan.Zero, (sum, m) => sum + m.Handling),
            members.Aggregate(TimeSpan.Zero, (sum, m) => sum + m.LoggedIn));
    }
}
