using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Grains.Abstractions.Work.Serialization;

/// <summary>The wire form of <see cref="SpecialistAvailability"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.SpecialistAvailability")]
public readonly record struct SpecialistAvailabilitySurrogate(
    [property: Id(0)] bool Deactivated,
    [property: Id(1)] ActivityState State,
    [property: Id(2)] int SlotsTaken,
    [property: Id(3)] int MaxConcurrentItems);

[RegisterConverter]
public sealed class SpecialistAvailabilityConverter : IConverter<SpecialistAvailability, SpecialistAvailabilitySurrogate>
{
    public SpecialistAvailability ConvertFromSurrogate(in SpecialistAvailabilitySurrogate surrogate) =>
        new(surrogate.Deactivated, surrogate.State, surrogate.SlotsTaken, surrogate.MaxConcurrentItems);

    public SpecialistAvailabilitySurrogate ConvertToSurrogate(in SpecialistAvailability value) =>
        new(value.Deactivated, value.State, value.SlotsTaken, value.MaxConcurrentItems);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class SpecialistAvailabilityCopier : IDeepCopier<SpecialistAvailability>
{
    public SpecialistAvailability? DeepCopy(SpecialistAvailability? input, CopyContext context) => input;
}
