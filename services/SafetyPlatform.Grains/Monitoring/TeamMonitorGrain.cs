using Orleans.Concurrency;
using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Monitoring;

/// <summary>
/// A team's live picture, read on request: its members from the team grain and each member's
/// day from their desk, the queues it serves from the queue directory, and each of those
/// queues' own numbers, asked at once.
/// Keeps nothing, so any silo may run as many as it likes.
/// </summary>
[StatelessWorker]
public sealed class TeamMonitorGrain(TimeProvider time) : Grain, ITeamMonitorGrain
{
    private const int MemberPage = 500;

    public async Task<TeamStats> GetStats()
    {
        var teamId = this.GetPrimaryKeyString();
        var team = GrainFactory.Reference<ITeamGrain>(teamId);
        var profile = (await team.Get()).Profile;
        var routes = await GrainFactory.Reference<IQueueDirectoryGrain>(IQueueDirectoryGrain.AllQueues).ServedBy(teamId);
        var queues = Task.WhenAll(routes.Select(r => GrainFactory.Reference<IQueueGrain>(r.QueueId).GetStats(QueueLoad.DefaultAtRiskWithin)));
        var members = await Task.WhenAll((await Members(team)).Select(m => GrainFactory.Reference<ISpecialistDeskGrain>(m.SpecialistId).Stats()));
        return TeamStats.From(teamId, profile.Site, profile.Vendor, time.GetUtcNow(),
            [.. members.Select(m => (m.ActivityState, m.Handling, m.LoggedIn))], (await queues).Select(q => q.Staffing()));
    }

    private static async Task<List<SpecialistView>> Members(ITeamGrain team)
    {
        var members = new List<SpecialistView>();
        while (true)
        {
            var page = await team.ListMembers(members.Count > 0 ? members[^1].SpecialistId : string.Empty, MemberPage, includeDeactivated: false);
            members.AddRange(page);
            if (page.Length < MemberPage)
            {
                return members;
            }
        }
    }
}
