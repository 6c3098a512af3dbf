using System.Collections.Immutable;
using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Abstractions.Monitoring;

/// <summary>A page of teams' statistics; <see cref="LastLookedAt"/> is where the next page starts, empty when every team was looked at.</summary>
[GenerateSerializer, Immutable, Alias("safety.TeamStatsPage")]
public sealed record TeamStatsPage(
    [property: Id(0)] ImmutableArray<TeamStats> Teams,
    [property: Id(1)] string LastLookedAt);
