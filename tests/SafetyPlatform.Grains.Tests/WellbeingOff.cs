using System.Collections.Immutable;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;
using SafetyPlatform.Grains.Abstractions.Wellbeing;
using SafetyPlatform.Grains.Wellbeing;

namespace SafetyPlatform.Grains.Tests;

/// <summary>
/// Routing tests that are not about wellbeing run their teams under a policy with no limits, so
/// that the defaults (a micro-break after 10 harmful items, say) do not change what they test.
/// </summary>
internal static class WellbeingOff
{
    public static readonly WellbeingPolicy NoLimits = new(
        ImmutableDictionary<HarmCategory, ExposureBudget>.Empty, TimeSpan.Zero, int.MaxValue, int.MaxValue, TimeSpan.Zero,
        TimeSpan.FromDays(1), TimeSpan.FromMinutes(1), null, TimeSpan.FromDays(1));

    public static Task For(IGrainFactory grains, string teamId) =>
        grains.GetGrain<ITeamWellbeingGrain>(teamId).UpdatePolicy(NoLimits, [.. WellbeingPolicyChanges.Fields], new ChangeContext("test", "routing test", null));
}
