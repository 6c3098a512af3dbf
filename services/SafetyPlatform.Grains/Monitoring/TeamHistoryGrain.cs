using Orleans.Concurrency;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Grains.Monitoring;

/// <summary>
/// A team's closed days: every member's desk (deactivated members' too) first stores any day
/// that has ended, then the members' days stored under the team are summed day by day. A member
/// who moved away stored their last day here when they moved.
/// </summary>
[StatelessWorker]
public sealed class TeamHistoryGrain(ISpecialistDayStore store, TimeProvider time) : Grain, ITeamHistoryGrain
{
    public async Task<DayHistoryPage> Read(DateOnly? from, DateOnly? to, int pageSize)
    {
        var teamId = this.GetPrimaryKeyString();
        var team = GrainFactory.Reference<ITeamGrain>(teamId);
        var zone = await TeamClock.Of(GrainFactory, teamId);
        await Task.WhenAll((await TeamMembers.AllIds(team)).Select(m => GrainFactory.Reference<ISpecialistDeskGrain>(m).StoreClosedDays()));

        var today = TeamTimeZone.LocalDay(zone, time.GetUtcNow());
        var (start, end) = HistoryDays.Range(today, from, to);
        var days = (await store.ReadTeam(teamId, start, end, pageSize + 1)).GroupBy(d => d.Day).OrderBy(g => g.Key).ToList();
        return new DayHistoryPage([.. days.Take(pageSize).Select(g => DayTotals.Of([.. g]))], days.Count > pageSize);
    }
}
