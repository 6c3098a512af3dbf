using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Abstractions.Wellbeing.Serialization;

/// <summary>The wire form of <see cref="ExposureAmount"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.ExposureAmount")]
public readonly record struct ExposureAmountSurrogate(
    [property: Id(0)] int Items,
    [property: Id(1)] TimeSpan Time,
    [property: Id(2)] double WeightedMinutes);

[RegisterConverter]
public sealed class ExposureAmountConverter : IConverter<ExposureAmount, ExposureAmountSurrogate>
{
    public ExposureAmount ConvertFromSurrogate(in ExposureAmountSurrogate s) => new(s.Items, s.Time, s.WeightedMinutes);

    public ExposureAmountSurrogate ConvertToSurrogate(in ExposureAmount v) => new(v.Items, v.Time, v.WeightedMinutes);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class ExposureAmountCopier : IDeepCopier<ExposureAmount>
{
    public ExposureAmount? DeepCopy(ExposureAmount? input, CopyContext context) => input;
}
