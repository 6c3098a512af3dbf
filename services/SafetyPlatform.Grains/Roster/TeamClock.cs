using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Roster;

/// <summary>The clock a team keeps (its time zone, from its profile); a specialist keeps their team's.</summary>
internal static class TeamClock
{
    public static async Task<TimeZoneInfo> Of(IGrainFactory grains, string teamId) =>
        TeamTimeZone.Find((await grains.GetGrain<ITeamGrain>(teamId).Get()).Profile.TimeZone);

    /// <summary>The specialist's team and its clock; NOT_FOUND for a specialist never created.</summary>
    public static async Task<(string TeamId, TimeZoneInfo Zone)> OfSpecialist(IGrainFactory grains, string specialistId)
    {
        var teamId = (await grains.GetGrain<ISpecialistGrain>(specialistId).Get()).TeamId;
        return (teamId, await Of(grains, teamId));
    }
}
