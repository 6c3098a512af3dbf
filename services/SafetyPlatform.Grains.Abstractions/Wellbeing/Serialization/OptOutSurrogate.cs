using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Abstractions.Wellbeing.Serialization;

/// <summary>The wire form of <see cref="OptOut"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.OptOut")]
public readonly record struct OptOutSurrogate(
    [property: Id(0)] HarmCategory Category,
    [property: Id(1)] OptOutStatus Status,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Reason,
    [property: Id(4)] DateTimeOffset At);

[RegisterConverter]
public sealed class OptOutConverter : IConverter<OptOut, OptOutSurrogate>
{
    public OptOut ConvertFromSurrogate(in OptOutSurrogate s) => new(s.Category, s.Status, s.Actor, s.Reason, s.At);

    public OptOutSurrogate ConvertToSurrogate(in OptOut v) => new(v.Category, v.Status, v.Actor, v.Reason, v.At);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class OptOutCopier : IDeepCopier<OptOut>
{
    public OptOut? DeepCopy(OptOut? input, CopyContext context) => input;
}
