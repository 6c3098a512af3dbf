using System.Collections.Immutable;
using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Abstractions.Wellbeing.Serialization;

/// <summary>The wire form of <see cref="QueuePolicyOverride"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.QueuePolicyOverride")]
public readonly record struct QueuePolicyOverrideSurrogate(
    [property: Id(0)] ImmutableDictionary<HarmCategory, ExposureBudget>? Budgets,
    [property: Id(1)] TimeSpan? CoolDown,
    [property: Id(2)] int? MaxConsecutiveHighHarm,
    [property: Id(3)] int? MicroBreakAfter,
    [property: Id(4)] TimeSpan? MicroBreak,
    [property: Id(5)] TimeSpan? WellnessBreakAfter,
    [property: Id(6)] TimeSpan? HighHarmCutOff,
    [property: Id(7)] TimeSpan? RotationAfter);

[RegisterConverter]
public sealed class QueuePolicyOverrideConverter : IConverter<QueuePolicyOverride, QueuePolicyOverrideSurrogate>
{
    public QueuePolicyOverride ConvertFromSurrogate(in QueuePolicyOverrideSurrogate s) => new(s.Budgets, s.CoolDown, s.MaxConsecutiveHighHarm, s.MicroBreakAfter,
        s.MicroBreak, s.WellnessBreakAfter, s.HighHarmCutOff is { } cutOff ? TimeOnly.FromTimeSpan(cutOff) : null, s.RotationAfter);

    public QueuePolicyOverrideSurrogate ConvertToSurrogate(in QueuePolicyOverride v) => new(v.Budgets, v.CoolDown, v.MaxConsecutiveHighHarm, v.MicroBreakAfter,
        v.MicroBreak, v.WellnessBreakAfter, v.HighHarmCutOff?.ToTimeSpan(), v.RotationAfter);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class QueuePolicyOverrideCopier : IDeepCopier<QueuePolicyOverride>
{
    public QueuePolicyOverride? DeepCopy(QueuePolicyOverride? input, CopyContext context) => input;
}
