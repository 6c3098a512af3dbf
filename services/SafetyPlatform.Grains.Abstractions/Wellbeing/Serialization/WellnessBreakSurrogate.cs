using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Abstractions.Wellbeing.Serialization;

/// <summary>The wire and stored form of <see cref="WellnessBreak"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.WellnessBreak")]
public readonly record struct WellnessBreakSurrogate(
    [property: Id(0)] DateTimeOffset Started,
    [property: Id(1)] DateTimeOffset? Ended);

[RegisterConverter]
public sealed class WellnessBreakConverter : IConverter<WellnessBreak, WellnessBreakSurrogate>
{
    public WellnessBreak ConvertFromSurrogate(in WellnessBreakSurrogate s) => new(s.Started, s.Ended);

    public WellnessBreakSurrogate ConvertToSurrogate(in WellnessBreak v) => new(v.Started, v.Ended);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class WellnessBreakCopier : IDeepCopier<WellnessBreak>
{
    public WellnessBreak? DeepCopy(WellnessBreak? input, CopyContext context) => input;
}
