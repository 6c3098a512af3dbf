using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Monitoring;

/// <summary>The latest picture of each team in one share of the organisation, summed when asked.</summary>
public sealed class OrganisationShardGrain(TimeProvider time) : Grain, IOrganisationShardGrain
{
    /// <summary>Kept loaded this long after the last report, so that quiet teams' pictures are not dropped with it.</summary>
    private static readonly TimeSpan KeepLoaded = TimeSpan.FromHours(2);

    private readonly Dictionary<string, TeamStats> _teams = new(StringComparer.Ordinal);

    public Task Report(TeamStats team)
    {
        // Reports may cross on the way: the later picture wins.
        if (!_teams.TryGetValue(team.TeamId, out var kept) || team.At >= kept.At)
        {
            _teams[team.TeamId] = team;
        }

        DelayDeactivation(KeepLoaded);
        return Task.CompletedTask;
    }

    public Task<OrganisationTotalsView> Totals(OrganisationGrouping grouping, string site, string vendor) =>
        Task.FromResult(new OrganisationTotalsView(OrganisationTotals.Group(_teams.Values, grouping, site, vendor, time.GetUtcNow()), _teams.Count, 0));

    public Task<IReadOnlyCollection<string>> Teams() => Task.FromResult<IReadOnlyCollection<string>>([.. _teams.Keys]);
}
