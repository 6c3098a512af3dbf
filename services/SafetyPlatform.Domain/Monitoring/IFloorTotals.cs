using System.Collections.Immutable;
using SafetyPlatform.Domain.Quality;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Monitoring;

/// <summary>The live numbers a team and a set of teams both have, under the same names.</summary>
public interface IFloorTotals
{
    ImmutableDictionary<ActivityState, int> MembersByState { get; }

    int OnQueue { get; }

    int? Needed { get; }

    int Completions { get; }

    double? SlaAttainment { get; }

    TimeSpan? AverageHandleTime { get; }

    double? Occupancy { get; }

    /// <summary>Audits and golden items of the current quarter hour.</summary>
    QualityTally Quality { get; }
}
