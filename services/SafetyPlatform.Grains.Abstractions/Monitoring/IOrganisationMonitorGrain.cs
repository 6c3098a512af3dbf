using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Abstractions.Monitoring;

/// <summary>Reads teams' live pictures and totals across the organisation, filtered, grouped and paged; keeps nothing. Key: <see cref="Organisation"/>.</summary>
public interface IOrganisationMonitorGrain : IGrainWithStringKey
{
    public const string Organisation = "all";

    /// <summary>
    /// The statistics of the teams after <paramref name="afterTeamId"/> in id order whose site and
    /// vendor match (an empty filter matches all), up to <paramref name="pageSize"/>, looking at
    /// no more than <paramref name="scanLimit"/> teams.
    /// </summary>
    Task<TeamStatsPage> ListTeams(string site, string vendor, string afterTeamId, int pageSize, int scanLimit);

    /// <summary>
    /// The live totals of the teams whose site and vendor match (an empty filter matches all),
    /// split by <paramref name="grouping"/>, summed over every <see cref="IOrganisationShardGrain"/>.
    /// Teams that have never reported (after a restart) are woken to report, at most once a minute.
    /// </summary>
    Task<OrganisationTotalsView> Totals(OrganisationGrouping grouping, string site, string vendor);
}
