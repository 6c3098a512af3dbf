using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Abstractions.Wellbeing.Serialization;

/// <summary>The wire form of <see cref="DisplayPreference"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.DisplayPreference")]
public readonly record struct DisplayPreferenceSurrogate(
    [property: Id(0)] BlurLevel Blur,
    [property: Id(1)] bool Greyscale,
    [property: Id(2)] bool Muted,
    [property: Id(3)] bool WarningScreen);

[RegisterConverter]
public sealed class DisplayPreferenceConverter : IConverter<DisplayPreference, DisplayPreferenceSurrogate>
{
    public DisplayPreference ConvertFromSurrogate(in DisplayPreferenceSurrogate s) => new(s.Blur, s.Greyscale, s.Muted, s.WarningScreen);

    public DisplayPreferenceSurrogate ConvertToSurrogate(in DisplayPreference v) => new(v.Blur, v.Greyscale, v.Muted, v.WarningScreen);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class DisplayPreferenceCopier : IDeepCopier<DisplayPreference>
{
    public DisplayPreference? DeepCopy(DisplayPreference? input, CopyContext context) => input;
}
