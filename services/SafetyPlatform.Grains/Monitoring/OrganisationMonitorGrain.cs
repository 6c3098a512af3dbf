using System.Collections.Immutable;
using Orleans.Concurrency;
using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Monitoring;

/// <summary>
/// Teams' live pictures for an operations manager: a page of teams goes through the team
/// directory in id order, asks each team's monitor (a batch at a time, at once), and keeps the
/// teams that match; totals are summed from every organisation shard.
/// </summary>
[StatelessWorker]
public sealed class OrganisationMonitorGrain(TimeProvider time) : Grain, IOrganisationMonitorGrain
{
    private const int Batch = 50;

    /// <summary>How often the totals look for teams with no picture kept (after a restart, or a shard reloaded).</summary>
    public static readonly TimeSpan LookForSilentTeamsEvery = TimeSpan.FromMinutes(1);

    private DateTimeOffset _lookedAt = DateTimeOffset.MinValue;
    private int _teamsInDirectory;

    public async Task<OrganisationTotalsView> Totals(OrganisationGrouping grouping, string site, string vendor)
    {
        if (time.GetUtcNow() - _lookedAt >= LookForSilentTeamsEvery)
        {
            // Counted as looked only once the look succeeded: a failed one is tried again on the next read.
            var now = time.GetUtcNow();
            _teamsInDirectory = await WakeSilentTeams();
            _lookedAt = now;
        }

        var shards = await Task.WhenAll(Shards().Select(shard => shard.Totals(grouping, site, vendor)));
        var groups = new Dictionary<string, OrganisationTotals>(StringComparer.Ordinal);
        foreach (var (key, totals) in shards.SelectMany(s => s.Groups))
        {
            groups[key] = groups.TryGetValue(key, out var sum) ? sum.Plus(totals) : totals;
        }

        var reporting = shards.Sum(s => s.TeamsReporting);
        return new OrganisationTotalsView(groups.ToImmutableDictionary(StringComparer.Ordinal), reporting, Math.Max(0, _teamsInDirectory - reporting));
    }

    /// <summary>Asks each team in the directory with no picture kept in its shard to report one; how many teams the directory holds.</summary>
    private async Task<int> WakeSilentTeams()
    {
        var kept = (await Task.WhenAll(Shards().Select(shard => shard.Teams()))).SelectMany(ids => ids).ToHashSet(StringComparer.Ordinal);
        var directory = GrainFactory.Reference<ITeamDirectoryGrain>(ITeamDirectoryGrain.AllTeams);
        var count = 0;
        var after = string.Empty;
        IdPage page;
        do
        {
            page = await directory.List(after, 1_000);
            count += page.Ids.Length;
            foreach (var silent in page.Ids.Where(id => !kept.Contains(id)))
            {
                GrainFactory.Reference<ITeamMonitorGrain>(silent).Report().Ignore();
            }

            after = page.Ids.Length > 0 ? page.Ids[^1] : after;
        }
        while (page.HasMore);

        return count;
    }

    public async Task<TeamStatsPage> ListTeams(string site, string vendor, string afterTeamId, int pageSize, int scanLimit)
    {
        var directory = GrainFactory.Reference<ITeamDirectoryGrain>(ITeamDirectoryGrain.AllTeams);
        var kept = new List<TeamStats>();
        var after = afterTeamId;
        var looked = 0;
        while (kept.Count < pageSize && looked < scanLimit)
        {
            var ids = await directory.List(after, Math.Min(Batch, scanLimit - looked));
            var teams = await Task.WhenAll(ids.Ids.Select(id => GrainFactory.Reference<ITeamMonitorGrain>(id).GetStats()));
            foreach (var team in teams)
            {
                looked++;
                after = team.TeamId;
                if ((site.Length == 0 || team.Site == site) && (vendor.Length == 0 || team.Vendor == vendor))
                {
                    kept.Add(team);
                    if (kept.Count == pageSize)
                    {
                        return new TeamStatsPage([.. kept], after);
                    }
                }
            }

            if (!ids.HasMore)
            {
                return new TeamStatsPage([.. kept], string.Empty);
            }
        }

        return new TeamStatsPage([.. kept], after);
    }

    private IEnumerable<IOrganisationShardGrain> Shards() =>
        Enumerable.Range(0, IOrganisationShardGrain.Shards).Select(shard => GrainFactory.GetGrain<IOrganisationShardGrain>(shard));
}
