using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Wellbeing;

/// <summary>
/// A desk's copy of its team's wellbeing policy and clock, read again once it is <see cref="TrustFor"/>
/// old or the specialist's team changed: a policy change reaches routing within that time.
/// </summary>
internal sealed class TeamWellbeingCache(TimeProvider time)
{
    public static readonly TimeSpan TrustFor = TimeSpan.FromSeconds(10);

    private (string TeamId, WellbeingPolicy Policy, TimeZoneInfo Zone, DateTimeOffset ReadAt)? _copy;

    public async Task<(WellbeingPolicy Policy, TimeZoneInfo Zone)> Get(string teamId, IGrainFactory grains)
    {
        var now = time.GetUtcNow();
        if (_copy is not { } copy || copy.TeamId != teamId || now - copy.ReadAt >= TrustFor)
        {
            var policy = grains.Reference<ITeamWellbeingGrain>(teamId).GetPolicy();
            var team = grains.Reference<ITeamGrain>(teamId).Get();
            copy = (teamId, (await policy).Policy, TeamTimeZone.Find((await team).Profile.TimeZone), now);
            _copy = copy;
        }

        return (copy.Policy, copy.Zone);
    }
}
