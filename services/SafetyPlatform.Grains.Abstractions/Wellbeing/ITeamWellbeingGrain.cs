using System.Collections.Immutable;
using Orleans.Concurrency;
using SafetyPlatform.Domain.Wellbeing;
using SafetyPlatform.Grains.Abstractions.Roster;

namespace SafetyPlatform.Grains.Abstractions.Wellbeing;

/// <summary>A team's wellbeing policy, versioned, with every change kept for audit. Key: team id.</summary>
public interface ITeamWellbeingGrain : IGrainWithStringKey
{
    /// <summary>The policy in force (the defaults until one is set); NOT_FOUND for an unknown team.</summary>
    [ReadOnly]
    Task<WellbeingPolicyView> GetPolicy();

    /// <summary>
    /// Changes the named <paramref name="fields"/> of the team's policy to <paramref name="values"/>
    /// as a new revision, durably, recording who and why; ABORTED when
    /// <see cref="ChangeContext.Etag"/> is set and is not the current revision; NOT_FOUND for an unknown team.
    /// </summary>
    Task<WellbeingPolicyView> UpdatePolicy(WellbeingPolicy values, ImmutableArray<string> fields, ChangeContext change);

    /// <summary>Revisions newest first, before <paramref name="beforeRevision"/> (0: from the newest).</summary>
    [ReadOnly]
    Task<ImmutableArray<WellbeingPolicyRevision>> Revisions(long beforeRevision, int pageSize);
}
