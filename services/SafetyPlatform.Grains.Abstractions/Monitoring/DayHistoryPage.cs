using System.Collections.Immutable;
using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Abstractions.Monitoring;

/// <summary>A page of closed days, oldest first; <see cref="More"/> when more days follow in the range.</summary>
[GenerateSerializer, Immutable, Alias("safety.DayHistoryPage")]
public sealed record DayHistoryPage(
    [property: Id(0)] ImmutableArray<DayTotals> Days,
    [property: Id(1)] bool More);
