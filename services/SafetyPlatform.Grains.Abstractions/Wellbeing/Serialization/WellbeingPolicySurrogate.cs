using System.Collections.Immutable;
using Orleans.Serialization.Cloning;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Abstractions.Wellbeing.Serialization;

/// <summary>The wire and stored form of <see cref="WellbeingPolicy"/>.</summary>
[GenerateSerializer, Immutable, Alias("safety.WellbeingPolicy")]
public readonly record struct WellbeingPolicySurrogate(
    [property: Id(0)] ImmutableDictionary<HarmCategory, ExposureBudget> Budgets,
    [property: Id(1)] TimeSpan CoolDown,
    [property: Id(2)] int MaxConsecutiveHighHarm,
    [property: Id(3)] int MicroBreakAfter,
    [property: Id(4)] TimeSpan MicroBreak,
    [property: Id(5)] TimeSpan WellnessBreakAfter,
    [property: Id(6)] TimeSpan WellnessBreak,
    [property: Id(7)] TimeSpan? HighHarmCutOff,
    [property: Id(8)] TimeSpan RotationAfter,
    [property: Id(9)] bool ReturnItemsOnWellnessBreak,
    [property: Id(10)] ImmutableDictionary<HarmCategory, DisplayPreference>? DisplayDefaults,
    [property: Id(11)] ImmutableDictionary<string, QueuePolicyOverride>? QueueOverrides);

[RegisterConverter]
public sealed class WellbeingPolicyConverter : IConverter<WellbeingPolicy, WellbeingPolicySurrogate>
{
    public WellbeingPolicy ConvertFromSurrogate(in WellbeingPolicySurrogate s) => new(s.Budgets, s.CoolDown, s.MaxConsecutiveHighHarm, s.MicroBreakAfter,
        s.MicroBreak, s.WellnessBreakAfter, s.WellnessBreak, s.HighHarmCutOff is { } cutOff ? TimeOnly.FromTimeSpan(cutOff) : null, s.RotationAfter, s.ReturnItemsOnWellnessBreak, s.DisplayDefaults, s.QueueOverrides);

    public WellbeingPolicySurrogate ConvertToSurrogate(in WellbeingPolicy v) => new(v.Budgets, v.CoolDown, v.MaxConsecutiveHighHarm, v.MicroBreakAfter,
        v.MicroBreak, v.WellnessBreakAfter, v.WellnessBreak, v.HighHarmCutOff?.ToTimeSpan(), v.RotationAfter, v.ReturnItemsOnWellnessBreak, v.DisplayDefaults, v.QueueOverrides);
}

/// <summary>Immutable: shared, not copied, within a silo.</summary>
[RegisterCopier]
public sealed class WellbeingPolicyCopier : IDeepCopier<WellbeingPolicy>
{
    public WellbeingPolicy? DeepCopy(WellbeingPolicy? input, CopyContext context) => input;
}
