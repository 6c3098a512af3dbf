using Orleans.Concurrency;
using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Abstractions.Monitoring;

/// <summary>
/// A team's live picture, aggregated where the numbers come from: each member's desk reports
/// their day when their activity state changes (specialist → team), and each queue the team
/// serves reports its staffing when it changes (item → queue → team), so a read asks nobody.
/// Key: team id.
/// </summary>
public interface ITeamMonitorGrain : IGrainWithStringKey
{
    /// <summary>The team's members by state and each queue it serves with its staffing; NOT_FOUND for an unknown team.</summary>
    Task<TeamStats> GetStats();

    /// <summary>
    /// A long poll for watchers: the numbers as soon as a member's or a queue's report changed
    /// them after <paramref name="knownVersion"/> (at once if one already has), or after
    /// <paramref name="maxWait"/> without one. Interleaves, so that reports arrive while it waits.
    /// </summary>
    [AlwaysInterleave]
    Task<TeamStatsReading> WatchStats(long knownVersion, TimeSpan maxWait);

    /// <summary>A member's desk reports their day after their activity state (or team) changed.</summary>
    [OneWay]
    Task MemberChanged(string specialistId, SpecialistDayRecord day);

    /// <summary>A queue the team serves reports its numbers when they changed (checked on the sweep after any item changed, else every 5 seconds).</summary>
    [OneWay]
    Task QueueChanged(QueueStaffing staffing);

    /// <summary>Reads the team afresh and sends its picture to its <see cref="IOrganisationShardGrain"/> (its profile changed, or the organisation's totals found none kept).</summary>
    [OneWay]
    Task Report();

    /// <summary>A specialist moved to another team: they no longer count here.</summary>
    [OneWay]
    Task MemberLeft(string specialistId);
}
