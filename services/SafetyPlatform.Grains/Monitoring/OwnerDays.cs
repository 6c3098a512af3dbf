using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Grains.Abstractions.Monitoring;
using SafetyPlatform.Grains.Abstractions.Work;
using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Grains.Monitoring;

/// <summary>
/// A specialist's or a team's days from one day to another on the team's clock: the closed days
/// from the history, and today so far from the desks (a team's: each member's, deactivated too).
/// What targets and audit sampling measure, from the same sums as the history.
/// </summary>
internal static class OwnerDays
{
    /// <summary>
    /// The days of <paramref name="owner"/> (`specialists/{specialist}` or `teams/{team}`, whose
    /// team is <paramref name="teamId"/>) from <paramref name="from"/> to <paramref name="to"/>
    /// inclusive, as of <paramref name="today"/>.
    /// </summary>
    public static async Task<List<DayTotals>> Read(IGrainFactory grains, string owner, string teamId, DateOnly from, DateOnly to, DateOnly today)
    {
        var until = to < today ? to.AddDays(1) : today;
        var isSpecialist = SpecialistName.TryParse(owner, out var specialist);
        var closed = from >= until ? []
            : isSpecialist ? (await grains.GetGrain<ISpecialistHistoryGrain>(specialist.SpecialistId).Read(from, until, 1000)).Days
            : (await grains.GetGrain<ITeamHistoryGrain>(teamId).Read(from, until, 1000)).Days;
        var days = new List<DayTotals>(closed);
        if (from <= today && today <= to)
        {
            var members = isSpecialist ? [specialist.SpecialistId] : await TeamMembers.AllIds(grains.GetGrain<ITeamGrain>(teamId));
            days.AddRange(await Task.WhenAll(members.Select(async m => (await grains.GetGrain<ISpecialistDeskGrain>(m).Stats()).Today)));
        }

        return days;
    }
}
