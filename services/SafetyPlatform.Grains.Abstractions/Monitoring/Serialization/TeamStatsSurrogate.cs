using System.Collections.Immutable;
using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Grains.Abstractions.Monitoring.Serialization;

/// <summary>The wire form of <see cref="TeamStats"/>. Id 9 was the occupancy (now worked out from handling and logged-in time): never reuse it.</summary>
[GenerateSerializer, Immutable, Alias("safety.TeamStats")]
public readonly record struct TeamStatsSurrogate(
    [property: Id(0)] string TeamId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] ImmutableDictionary<ActivityState, int> MembersByState,
    [property: Id(3)] ImmutableArray<QueueStaffing> Queues,
    [property: Id(4)] int Completions,
    [property: Id(5)] double? SlaAttainment,
    [property: Id(6)] TimeSpan? AverageHandleTime,
    [property: Id(7)] string Site,
    [property: Id(8)] string Vendor,
    [property: Id(10)] string TimeZone,
    [property: Id(11)] TimeSpan Handling,
    [property: Id(12)] TimeSpan LoggedIn);

[RegisterConverter]
public sealed class TeamStatsConverter : IConverter<TeamStats, TeamStatsSurrogate>
{
    public TeamStats ConvertFromSurrogate(in TeamStatsSurrogate s) =>
        new(s.TeamId, s.Site, s.Vendor, TeamTimeZone.Find(s.TimeZone), s.At, s.MembersByState, s.Queues, s.Completions, s.SlaAttainment, s.AverageHandleTime,
            s.Handling, s.LoggedIn);

    public TeamStatsSurrogate ConvertToSurrogate(in TeamStats v) =>
        new(v.TeamId, v.At, v.MembersByState, v.Queues, v.Completions, v.SlaAttainment, v.AverageHandleTime, v.Site, v.Vendor, v.Zone.Id, v.Handling, v.LoggedIn);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class TeamStatsCopier : IDeepCopier<TeamStats>
{
    public TeamStats? DeepCopy(TeamStats? input, CopyContext context) => input;
}
