using System.Collections.Immutable;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Wellbeing;

/// <summary>An update of a team's policy: the named fields from the new values, the rest as they were.</summary>
public static class WellbeingPolicyChanges
{
    public static readonly ImmutableArray<string> Fields =
        ["budgets", "cool_down", "max_consecutive_high_harm", "micro_break_after", "micro_break", "wellness_break_after", "wellness_break", "high_harm_cut_off", "rotation_after", "return_items_on_wellness_break", "display_defaults", "queue_overrides"];

    public static WellbeingPolicy Apply(WellbeingPolicy current, WellbeingPolicy values, IEnumerable<string> fields)
    {
        foreach (var field in fields)
        {
            current = field switch
            {
                "budgets" => current with { Budgets = values.Budgets },
                "cool_down" => current with { CoolDown = values.CoolDown },
                "max_consecutive_high_harm" => current with { MaxConsecutiveHighHarm = values.MaxConsecutiveHighHarm },
                "micro_break_after" => current with { MicroBreakAfter = values.MicroBreakAfter },
                "micro_break" => current with { MicroBreak = values.MicroBreak },
                "wellness_break_after" => current with { WellnessBreakAfter = values.WellnessBreakAfter },
                "wellness_break" => current with { WellnessBreak = values.WellnessBreak },
                "high_harm_cut_off" => current with { HighHarmCutOff = values.HighHarmCutOff },
                "rotation_after" => current with { RotationAfter = values.RotationAfter },
                "return_items_on_wellness_break" => current with { ReturnItemsOnWellnessBreak = values.ReturnItemsOnWellnessBreak },
                "display_defaults" => current with { DisplayDefaults = values.DisplayDefaults },
                "queue_overrides" => current with { QueueOverrides = values.QueueOverrides },
                _ => throw SafetyException.InvalidArgument("update_mask", $"'{field}' is not a field of a wellbeing policy"),
            };
        }

        return current;
    }
}
