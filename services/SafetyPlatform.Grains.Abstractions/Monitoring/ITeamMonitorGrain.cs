using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Abstractions.Monitoring;

/// <summary>
/// Reads a team's live picture from its roster and the queues it serves; keeps nothing itself.
/// Key: team id.
/// </summary>
public interface ITeamMonitorGrain : IGrainWithStringKey
{
    /// <summary>The team's members by state and each queue it serves with its staffing; NOT_FOUND for an unknown team.</summary>
    Task<TeamStats> GetStats();
}
