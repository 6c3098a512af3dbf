using System.Collections.Immutable;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Wellbeing;

/// <summary>
/// A policy revision as stored: the roster store writes JSON, which cannot read immutable
/// dictionaries back, so the budgets are kept in a plain dictionary. Never rename the properties.
/// </summary>
[GenerateSerializer, Alias("safety.StoredPolicyRevision")]
public sealed class StoredPolicyRevision
{
    [Id(0)] public long Revision { get; set; }

    [Id(1)] public DateTimeOffset At { get; set; }

    [Id(2)] public string Actor { get; set; } = string.Empty;

    [Id(3)] public string Reason { get; set; } = string.Empty;

    [Id(4)] public Dictionary<HarmCategory, ExposureBudget> Budgets { get; set; } = [];

    [Id(5)] public TimeSpan CoolDown { get; set; }

    [Id(6)] public int MaxConsecutiveHighHarm { get; set; }

    [Id(7)] public int MicroBreakAfter { get; set; }

    [Id(8)] public TimeSpan MicroBreak { get; set; }

    [Id(9)] public TimeSpan WellnessBreakAfter { get; set; }

    [Id(10)] public TimeSpan WellnessBreak { get; set; }

    [Id(11)] public TimeSpan? HighHarmCutOff { get; set; }

    [Id(12)] public TimeSpan RotationAfter { get; set; }

    [Id(13)] public bool ReturnItemsOnWellnessBreak { get; set; }

    [Id(14)] public Dictionary<HarmCategory, DisplayPreference> DisplayDefaults { get; set; } = [];

    [Id(15)] public Dictionary<string, StoredQueueOverride> QueueOverrides { get; set; } = [];

    public static StoredPolicyRevision From(WellbeingPolicyRevision revision) => new()
    {
        Revision = revision.Revision,
        At = revision.At,
        Actor = revision.Actor,
        Reason = revision.Reason,
        Budgets = revision.Policy.Budgets.ToDictionary(),
        CoolDown = revision.Policy.CoolDown,
        MaxConsecutiveHighHarm = revision.Policy.MaxConsecutiveHighHarm,
        MicroBreakAfter = revision.Policy.MicroBreakAfter,
        MicroBreak = revision.Policy.MicroBreak,
        WellnessBreakAfter = revision.Policy.WellnessBreakAfter,
        WellnessBreak = revision.Policy.WellnessBreak,
        HighHarmCutOff = revision.Policy.HighHarmCutOff?.ToTimeSpan(),
        RotationAfter = revision.Policy.RotationAfter,
        ReturnItemsOnWellnessBreak = revision.Policy.ReturnItemsOnWellnessBreak,
        DisplayDefaults = revision.Policy.Displays.ToDictionary(),
        QueueOverrides = revision.Policy.Overrides.ToDictionary(o => o.Key, o => StoredQueueOverride.From(o.Value)),
    };

    public WellbeingPolicyRevision ToRevision() => new(Revision, At, Actor, Reason, new WellbeingPolicy(
        Budgets.ToImmutableDictionary(), CoolDown, MaxConsecutiveHighHarm, MicroBreakAfter, MicroBreak, WellnessBreakAfter, WellnessBreak,
        HighHarmCutOff is { } cutOff ? TimeOnly.FromTimeSpan(cutOff) : null, RotationAfter, ReturnItemsOnWellnessBreak, DisplayDefaults.ToImmutableDictionary(),
        QueueOverrides is { Count: > 0 } ? QueueOverrides.ToImmutableDictionary(o => o.Key, o => o.Value.ToOverride(), StringComparer.Ordinal) : null));
}
