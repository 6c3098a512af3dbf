using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Abstractions.Monitoring;

/// <summary>A team's numbers and the monitor's version when they were read: a watcher asks for the next version.</summary>
[GenerateSerializer, Immutable, Alias("safety.TeamStatsReading")]
public sealed record TeamStatsReading(
    [property: Id(0)] TeamStats Stats,
    [property: Id(1)] long Version);
