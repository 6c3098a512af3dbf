using System.Collections.Immutable;
using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Abstractions.Monitoring;

/// <summary>
/// Totals by group key (site, vendor, or the empty key for the whole); how many teams have a
/// picture kept, and how many of the organisation's teams have not reported one yet (woken, they will).
/// </summary>
[GenerateSerializer, Immutable, Alias("safety.OrganisationTotalsView")]
public sealed record OrganisationTotalsView(
    [property: Id(0)] ImmutableDictionary<string, OrganisationTotals> Groups,
    [property: Id(1)] int TeamsReporting,
    [property: Id(2)] int TeamsNotReporting);
