using System.Collections.Immutable;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Wellbeing;

/// <summary>A queue's override of a team's policy as stored (JSON: plain dictionaries). Never rename the properties.</summary>
[GenerateSerializer, Alias("safety.StoredQueueOverride")]
public sealed class StoredQueueOverride
{
    [Id(0)] public Dictionary<HarmCategory, ExposureBudget>? Budgets { get; set; }

    [Id(1)] public TimeSpan? CoolDown { get; set; }

    [Id(2)] public int? MaxConsecutiveHighHarm { get; set; }

    [Id(3)] public int? MicroBreakAfter { get; set; }

    [Id(4)] public TimeSpan? MicroBreak { get; set; }

    [Id(5)] public TimeSpan? WellnessBreakAfter { get; set; }

    [Id(6)] public TimeSpan? HighHarmCutOff { get; set; }

    [Id(7)] public TimeSpan? RotationAfter { get; set; }

    public static StoredQueueOverride From(QueuePolicyOverride change) => new()
    {
        Budgets = change.Budgets?.ToDictionary(),
        CoolDown = change.CoolDown,
        MaxConsecutiveHighHarm = change.MaxConsecutiveHighHarm,
        MicroBreakAfter = change.MicroBreakAfter,
        MicroBreak = change.MicroBreak,
        WellnessBreakAfter = change.WellnessBreakAfter,
        HighHarmCutOff = change.HighHarmCutOff?.ToTimeSpan(),
        RotationAfter = change.RotationAfter,
    };

    public QueuePolicyOverride ToOverride() => new(Budgets?.ToImmutableDictionary(), CoolDown, MaxConsecutiveHighHarm, MicroBreakAfter, MicroBreak,
        WellnessBreakAfter, HighHarmCutOff is { } cutOff ? TimeOnly.FromTimeSpan(cutOff) : null, RotationAfter);
}
