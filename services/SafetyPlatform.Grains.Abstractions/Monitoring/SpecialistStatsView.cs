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
    [property: Id(7)] DateOnly Day,
    [property: Id(8)] int Handled,
    [property: Id(9)] TimeSpan? AverageHandleTime,
    [property: Id(10)] int CompletedWithinSla,
    [property: Id(11)] double? SlaAttainment,
    [property: Id(12)] int Offers,
    [property: Id(13)] int Rejected,
    [property: Id(14)] int Expired,
    [property: Id(15)] int Released,
    [property: Id(16)] int Escalated,
    [property: Id(17)] TimeSpan LoggedIn,
    [property: Id(18)] TimeSpan Handling,
    [property: Id(19)] double? Occupancy,
    [property: Id(20)] double? Utilisation)
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
        day.Day,
        day.Handled,
        day.AverageHandleTime,
        day.CompletedWithinSla,
        day.SlaAttainment,
        day.Offers,
        day.Rejected,
        day.Expired,
        day.Released,
        day.Escalated,
        day.LoggedIn(now),
        day.TimeIn(ActivityState.Handling, now),
        day.Occupancy(now),
        day.Utilisation(now));
}
