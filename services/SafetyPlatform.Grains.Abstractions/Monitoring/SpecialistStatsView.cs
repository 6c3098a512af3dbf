using System.Collections.Immutable;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Grains.Abstractions.Roster;

namespace SafetyPlatform.Grains.Abstractions.Monitoring;

/// <summary>A specialist's live numbers: their state now, what they hold and are offered, and their day so far on their team's clock.</summary>
[GenerateSerializer, Immutable, Alias("safety.SpecialistStatsView")]
public sealed record SpecialistStatsView(
    [property: Id(0)] string SpecialistId,
    [property: Id(1)] string TeamId,
    [property: Id(2)] DateTimeOffset ReadTime,
    [property: Id(3)] ActivityState ActivityState,
    [property: Id(4)] DateTimeOffset ActivityStateStart,
    [property: Id(5)] ImmutableArray<(string Queue, string Item)> Held,
    [property: Id(6)] ImmutableArray<(string Queue, string Item)> Offered,
    // Ids 7 to 20 held the day's numbers one by one before they became DayTotals: not reused.
    [property: Id(21)] DayTotals Today)
{
    public static SpecialistStatsView Of(SpecialistView me, DateTimeOffset now, IReadOnlyCollection<(string Queue, string Item)> held,
        IReadOnlyCollection<(string Queue, string Item)> offered, SpecialistDay day) => new(
        me.SpecialistId,
        me.TeamId,
        now,
        me.ActivityState,
        me.ActivityStateStart,
        [.. held.Order()],
        [.. offered.Order()],
        day.SoFar(now));
}
