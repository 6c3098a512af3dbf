using Orleans.Concurrency;
using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Monitoring;

/// <summary>
/// Teams' live pictures for an operations manager: goes through the team directory in id order,
/// asks each team's monitor (a batch at a time, at once), and keeps the teams that match.
/// </summary>
[StatelessWorker]
public sealed class OrganisationMonitorGrain : Grain, IOrganisationMonitorGrain
{
    private const int Batch = 50;

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
}
