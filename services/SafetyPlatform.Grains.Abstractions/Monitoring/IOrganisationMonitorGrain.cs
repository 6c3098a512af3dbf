using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Abstractions.Monitoring;

/// <summary>Reads teams' live pictures across the organisation, filtered and paged; keeps nothing. Key: <see cref="Organisation"/>.</summary>
public interface IOrganisationMonitorGrain : IGrainWithStringKey
{
    public const string Organisation = "all";

    /// <summary>
    /// The statistics of the teams after <paramref name="afterTeamId"/> in id order whose site and
    /// vendor match (an empty filter matches all), up to <paramref name="pageSize"/>, looking at
    /// no more than <paramref name="scanLimit"/> teams.
    /// </summary>
    Task<TeamStatsPage> ListTeams(string site, string vendor, string afterTeamId, int pageSize, int scanLimit);
}
