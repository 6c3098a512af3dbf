using System.Collections.Immutable;
using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Abstractions.Monitoring;

/// <summary>A page of a queue's history; <see cref="More"/> when more intervals follow in the range.</summary>
[GenerateSerializer, Immutable, Alias("safety.QueueHistoryPage")]
public sealed record QueueHistoryPage(
    [property: Id(0)] ImmutableArray<QueueIntervalStats> Intervals,
    [property: Id(1)] bool More);
