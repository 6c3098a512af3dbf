using System.Collections.Immutable;
using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Abstractions.Wellbeing.Serialization;

/// <summary>The wire form of <see cref="PersonalLimits"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.PersonalLimits")]
public readonly record struct PersonalLimitsSurrogate(
    [property: Id(0)] ImmutableHashSet<HarmCategory> OptOuts,
    [property: Id(1)] ImmutableDictionary<HarmCategory, DateTimeOffset> RestrictedUntil);

[RegisterConverter]
public sealed class PersonalLimitsConverter : IConverter<PersonalLimits, PersonalLimitsSurrogate>
{
    public PersonalLimits ConvertFromSurrogate(in PersonalLimitsSurrogate s) => new(s.OptOuts, s.RestrictedUntil);

    public PersonalLimitsSurrogate ConvertToSurrogate(in PersonalLimits v) => new(v.OptOuts, v.RestrictedUntil);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class PersonalLimitsCopier : IDeepCopier<PersonalLimits>
{
    public PersonalLimits? DeepCopy(PersonalLimits? input, CopyContext context) => input;
}
