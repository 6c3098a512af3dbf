using System.Collections.Immutable;
using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Grains.Abstractions.Monitoring.Serialization;

/// <summary>The wire form of <see cref="TeamStats"/>.</summary>
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
    [property: Id(9)] TimeSpan Handling,
    [property: Id(10)] TimeSpan LoggedIn,
    [property: Id(11)] string TimeZone);

[RegisterConverter]
public sealed class TeamStatsConverter : IConverter<TeamStats, TeamStatsSurrogate>
{
    public TeamStats ConvertFromSurrogate(in TeamStatsSurrogate s) =>
        new(s.TeamId, s.Site, s.Vendor, TeamTimeZone.Find(s.TimeZone), s.At, s.MembersByState, s.Queues, s.Completions, s.SlaAttainment, s.AverageHandleTime,
            s.Handling, s.LoggedIn);

    public TeamStatsSurrogate ConvertToSurrogate(in TeamStats v) =>
        new(v.TeamId, v.At, v.MembersByState, v.Queues, v.Completions, v.SlaAttainment, v.AverageHandleTime, v.Site, v.Vendor, v.Handling, v.LoggedIn, v.Zone.Id);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class TeamStatsCopier : IDeepCopier<TeamStats>
{
    public TeamStats? DeepCopy(TeamStats? input, CopyContext context) => input;
}
