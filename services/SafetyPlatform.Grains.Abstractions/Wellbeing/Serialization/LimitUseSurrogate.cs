using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Abstractions.Wellbeing.Serialization;

/// <summary>The wire form of <see cref="LimitUse"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.LimitUse")]
public readonly record struct LimitUseSurrogate(
    [property: Id(0)] string Limit,
    [property: Id(1)] double Used,
    [property: Id(2)] double Allowed);

[RegisterConverter]
public sealed class LimitUseConverter : IConverter<LimitUse, LimitUseSurrogate>
{
    public LimitUse ConvertFromSurrogate(in LimitUseSurrogate s) => new(s.Limit, s.Used, s.Allowed);

    public LimitUseSurrogate ConvertToSurrogate(in LimitUse v) => new(v.Limit, v.Used, v.Allowed);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class LimitUseCopier : IDeepCopier<LimitUse>
{
    public LimitUse? DeepCopy(LimitUse? input, CopyContext context) => input;
}
