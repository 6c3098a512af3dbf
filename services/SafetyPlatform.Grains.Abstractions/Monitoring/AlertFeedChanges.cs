using System.Collections.Immutable;
using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Abstractions.Monitoring;

/// <summary>What a watcher of a team's alerts hears: all of them (<see cref="IsSnapshot"/>), or those changed since it last heard.</summary>
[GenerateSerializer, Immutable, Alias("safety.AlertFeedChanges")]
public sealed record AlertFeedChanges(
    [property: Id(0)] Guid Incarnation,
    [property: Id(1)] long Version,
    [property: Id(2)] bool IsSnapshot,
    [property: Id(3)] ImmutableArray<Alert> Alerts);
