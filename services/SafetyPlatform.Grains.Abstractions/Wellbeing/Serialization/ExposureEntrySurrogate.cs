using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Abstractions.Wellbeing.Serialization;

/// <summary>The wire and stored form of <see cref="ExposureEntry"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.ExposureEntry")]
public readonly record struct ExposureEntrySurrogate(
    [property: Id(0)] string ItemId,
    [property: Id(1)] HarmCategory Category,
    [property: Id(2)] HarmSeverity Severity,
    [property: Id(3)] DateTimeOffset Started,
    [property: Id(4)] DateTimeOffset? Finished,
    [property: Id(5)] TimeSpan Expected);

[RegisterConverter]
public sealed class ExposureEntryConverter : IConverter<ExposureEntry, ExposureEntrySurrogate>
{
    public ExposureEntry ConvertFromSurrogate(in ExposureEntrySurrogate s) => new(s.ItemId, s.Category, s.Severity, s.Started, s.Finished, s.Expected);

    public ExposureEntrySurrogate ConvertToSurrogate(in ExposureEntry v) => new(v.ItemId, v.Category, v.Severity, v.Started, v.Finished, v.Expected);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class ExposureEntryCopier : IDeepCopier<ExposureEntry>
{
    public ExposureEntry? DeepCopy(ExposureEntry? input, CopyContext context) => input;
}
