using System.Collections.Immutable;
using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Grains.Abstractions.Monitoring.Serialization;

/// <summary>The wire form of <see cref="OrganisationTotals"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.OrganisationTotals")]
public readonly record struct OrganisationTotalsSurrogate(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] int Teams,
    [property: Id(2)] ImmutableDictionary<ActivityState, int> MembersByState,
    [property: Id(3)] ImmutableDictionary<string, ReportedQueue> Queues,
    [property: Id(4)] TimeSpan Handling,
    [property: Id(5)] TimeSpan LoggedIn);

[RegisterConverter]
public sealed class OrganisationTotalsConverter : IConverter<OrganisationTotals, OrganisationTotalsSurrogate>
{
    public OrganisationTotals ConvertFromSurrogate(in OrganisationTotalsSurrogate s) =>
        new(s.At, s.Teams, s.MembersByState, s.Queues, s.Handling, s.LoggedIn);

    public OrganisationTotalsSurrogate ConvertToSurrogate(in OrganisationTotals v) =>
        new(v.At, v.Teams, v.MembersByState, v.Queues, v.Handling, v.LoggedIn);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class OrganisationTotalsCopier : IDeepCopier<OrganisationTotals>
{
    public OrganisationTotals? DeepCopy(OrganisationTotals? input, CopyContext context) => input;
}
