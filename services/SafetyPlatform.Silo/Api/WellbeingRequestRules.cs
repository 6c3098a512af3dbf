using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using SafetyPlatform.Api.Wellbeing.V1;
using SafetyPlatform.Domain.Naming;

namespace SafetyPlatform.Silo.Api;

/// <summary>What makes a wellbeing request valid, field by field (docs/WELLBEING.md gives what each limit means).</summary>
public static class WellbeingRequestRules
{
    public static bool IsSet(WellbeingPolicy policy, string field) => field switch
    {
        "budgets" => policy.Budgets.Count > 0,
        "cool_down" => policy.CoolDown is not null,
        "max_consecutive_high_harm" => policy.MaxConsecutiveHighHarm != 0,
        "micro_break_after" => policy.MicroBreakAfter != 0,
        "micro_break" => policy.MicroBreak is not null,
        "wellness_break_after" => policy.WellnessBreakAfter is not null,
        "wellness_break" => policy.WellnessBreak is not null,
        "high_harm_cut_off" => policy.HighHarmCutOff.Length > 0,
        "rotation_after" => policy.RotationAfter is not null,
        "return_items_on_wellness_break" => policy.ReturnItemsOnWellnessBreak,
        "display_defaults" => policy.DisplayDefaults.Count > 0,
        "queue_overrides" => policy.QueueOverrides.Count > 0,
        _ => false,
    };

    /// <summary>A harm category named by a request: required and known.</summary>
    public static FieldCheck Category(this FieldCheck check, SafetyPlatform.Api.Type.V1.HarmCategory category) =>
        check.Require(category != SafetyPlatform.Api.Type.V1.HarmCategory.Unspecified && System.Enum.IsDefined(category), "harm_category", "must be a known harm category");

    /// <summary>Checks the fields an update changes; those it leaves alone are not looked at.</summary>
    public static FieldCheck PolicyFields(this FieldCheck check, WellbeingPolicy policy, IReadOnlyCollection<string> fields)
    {
        foreach (var field in fields)
        {
            var name = "policy." + field;
            _ = field switch
            {
                "budgets" => check.Budgets(policy.Budgets, name),
                "queue_overrides" => check.QueueOverrides(policy),
                "display_defaults" => check.DisplayDefaults(policy),
                "cool_down" => check.Within(policy.CoolDown, name, TimeSpan.Zero, TimeSpan.FromHours(24)),
                "max_consecutive_high_harm" => check.Require(policy.MaxConsecutiveHighHarm >= 1, name, "must be at least 1"),
                "micro_break_after" => check.Require(policy.MicroBreakAfter >= 1, name, "must be at least 1"),
                "micro_break" => check.Within(policy.MicroBreak, name, TimeSpan.Zero, TimeSpan.FromHours(1)),
                "wellness_break_after" => check.Within(policy.WellnessBreakAfter, name, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)),
                "wellness_break" => check.Within(policy.WellnessBreak, name, TimeSpan.FromSeconds(1), TimeSpan.FromHours(2)),
                "high_harm_cut_off" => check.Require(policy.HighHarmCutOff.Length == 0 || IsLocalTime(policy.HighHarmCutOff), name, "must be a local time as HH:MM, or empty for none"),
                "rotation_after" => check.Within(policy.RotationAfter, name, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)),
                _ => check,
            };
        }

        return check;
    }

    private static FieldCheck DisplayDefaults(this FieldCheck check, WellbeingPolicy policy)
    {
        for (var i = 0; i < policy.DisplayDefaults.Count; i++)
        {
            var display = policy.DisplayDefaults[i];
            var name = $"policy.display_defaults[{i}]";
            check.Require(display.HarmCategory != SafetyPlatform.Api.Type.V1.HarmCategory.Unspecified && System.Enum.IsDefined(display.HarmCategory), name + ".harm_category", "is required: a HARM_CATEGORY_ value")
                .Require(policy.DisplayDefaults.Take(i).All(d => d.HarmCategory != display.HarmCategory), name + ".harm_category", "has a default already; one per category")
                .Display(display.Display, name + ".display");
        }

        return check;
    }

    /// <summary>A display preference: given, with a known blur.</summary>
    public static FieldCheck Display(this FieldCheck check, SafetyPlatform.Api.Type.V1.DisplayPreference? display, string field) =>
        check.Require(display is not null, field, "is required")
            .Require(display is null || display.Blur != SafetyPlatform.Api.Type.V1.Blur.Unspecified && System.Enum.IsDefined(display.Blur), field + ".blur", "must be BLUR_NONE, BLUR_LIGHT or BLUR_STRONG");

    /// <summary>
    /// Each queue's override: a queue named once, changing at least one rule, each rule it sets
    /// within the range of the team's. That the queues exist is checked by the service.
    /// </summary>
    private static FieldCheck QueueOverrides(this FieldCheck check, WellbeingPolicy policy)
    {
        for (var i = 0; i < policy.QueueOverrides.Count; i++)
        {
            var change = policy.QueueOverrides[i];
            var name = $"policy.queue_overrides[{i}]";
            check.Require(QueueName.TryParse(change.Queue, out _), name + ".queue", "must be a queue's name, queues/{queue}")
                .Require(policy.QueueOverrides.Take(i).All(o => o.Queue != change.Queue), name + ".queue", "has an override already; one per queue")
                .Require(change.Budgets.Count > 0 || change.CoolDown is not null || change.HasMaxConsecutiveHighHarm || change.HasMicroBreakAfter || change.MicroBreak is not null
                    || change.WellnessBreakAfter is not null || change.HighHarmCutOff.Length > 0 || change.RotationAfter is not null, name, "changes no rule: set at least one")
                .Budgets(change.Budgets, name + ".budgets")
                .Require(!change.HasMaxConsecutiveHighHarm || change.MaxConsecutiveHighHarm >= 1, name + ".max_consecutive_high_harm", "must be at least 1")
                .Require(!change.HasMicroBreakAfter || change.MicroBreakAfter >= 1, name + ".micro_break_after", "must be at least 1")
                .Require(change.HighHarmCutOff.Length == 0 || IsLocalTime(change.HighHarmCutOff), name + ".high_harm_cut_off", "must be a local time as HH:MM, or empty for the team's");
            _ = change.CoolDown is null ? check : check.Within(change.CoolDown, name + ".cool_down", TimeSpan.Zero, TimeSpan.FromHours(24));
            _ = change.MicroBreak is null ? check : check.Within(change.MicroBreak, name + ".micro_break", TimeSpan.Zero, TimeSpan.FromHours(1));
            _ = change.WellnessBreakAfter is null ? check : check.Within(change.WellnessBreakAfter, name + ".wellness_break_after", TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));
            _ = change.RotationAfter is null ? check : check.Within(change.RotationAfter, name + ".rotation_after", TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));
        }

        return check;
    }

    private static bool IsLocalTime(string value) => TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static FieldCheck Budgets(this FieldCheck check, Google.Protobuf.Collections.RepeatedField<ExposureBudget> budgets, string field)
    {
        for (var i = 0; i < budgets.Count; i++)
        {
            var budget = budgets[i];
            var name = $"{field}[{i}]";
            check.Require(budget.HarmCategory != SafetyPlatform.Api.Type.V1.HarmCategory.Unspecified && System.Enum.IsDefined(budget.HarmCategory), name + ".harm_category", "is required: a HARM_CATEGORY_ value")
                .Require(budgets.Take(i).All(b => b.HarmCategory != budget.HarmCategory), name + ".harm_category", "has a budget already; one budget per category")
                .Require(budget.TimePerShift is not null || budget.HasItemsPerShift || budget.TimePerDay is not null || budget.HasItemsPerDay, name, "sets no limit: give a time or an item count, per shift or per day")
                .Require(!budget.HasItemsPerShift || budget.ItemsPerShift >= 1, name + ".items_per_shift", "must be at least 1")
                .Require(!budget.HasItemsPerDay || budget.ItemsPerDay >= 1, name + ".items_per_day", "must be at least 1");
            if (budget.TimePerShift is not null)
            {
                check.Within(budget.TimePerShift, name + ".time_per_shift", TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));
            }

            if (budget.TimePerDay is not null)
            {
                check.Within(budget.TimePerDay, name + ".time_per_day", TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));
            }
        }

        return check;
    }

    private static FieldCheck Within(this FieldCheck check, Duration? value, string field, TimeSpan min, TimeSpan max) =>
        check.Require(value is not null && ProtoTimes.AsTimeSpan(value) is { } time && time >= min && time <= max, field, $"must be from {Describe(min)} to {Describe(max)}");

    private static string Describe(TimeSpan time) => time == TimeSpan.Zero ? "0"
        : time.TotalHours >= 1 ? $"{time.TotalHours:0.##} h"
        : time.TotalMinutes >= 1 ? $"{time.TotalMinutes:0.##} min"
        : $"{time.TotalSeconds:0.##} s";
}
