using Orleans.Concurrency;
using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Abstractions.Monitoring;

/// <summary>
/// One share of the organisation's teams (team → organisation, docs/adr/0018): keeps the latest
/// picture each of its teams reported and sums them on request, so no one grain hears every
/// team's changes. Holds nothing durable: teams report again when woken. Key: 0 to <see cref="Shards"/> − 1.
/// </summary>
public interface IOrganisationShardGrain : IGrainWithIntegerKey
{
    /// <summary>How many shares the organisation's teams are split into.</summary>
    public const int Shards = 32;

    /// <summary>The shard that keeps <paramref name="teamId"/>'s picture.</summary>
    public static long For(string teamId) => (Domain.Work.StableHash.Of(teamId) & long.MaxValue) % Shards;

    /// <summary>A team's monitor reports its picture after it changed (at most once a second).</summary>
    [OneWay]
    Task Report(TeamStats team);

    /// <summary>The totals of the teams kept here whose site and vendor match (empty matches all), split by <paramref name="grouping"/>, as at now.</summary>
    [ReadOnly]
    Task<OrganisationTotalsView> Totals(OrganisationGrouping grouping, string site, string vendor);

    /// <summary>The ids of the teams kept here.</summary>
    [ReadOnly]
    Task<IReadOnlyCollection<string>> Teams();
}
