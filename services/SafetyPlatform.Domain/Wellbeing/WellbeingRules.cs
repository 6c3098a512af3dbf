using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>
/// The one set of wellbeing rules (docs/WELLBEING.md), asked by the routing core's eligibility
/// rules whenever routing is given a specialist's standing: each rule says why it holds an item
/// back, or nothing. An item is held back if handling it for its expected handle time would break
/// a limit; the first rule that holds it back is the one named. A new rule is one more entry in <see cref="Rules"/>.
/// </summary>
public static class WellbeingRules
{
    private static readonly IReadOnlyList<(WellbeingRule Rule, Func<WellbeingStanding, ItemExposure, string?> HoldsBack)> Rules =
    [
        (WellbeingRule.OptOut, (s, item) => s.Personal.OptOuts.Contains(item.Category)
            ? $"opted out of {item.Category}"
            : null),
        (WellbeingRule.Restriction, (s, item) => s.Personal.Restricts(item.Category, s.Now)
            ? $"restricted from {item.Category} until {s.Personal.RestrictedUntil[item.Category]:u}"
            : null),
        (WellbeingRule.WellnessBreakDue, (s, item) => HighHarm(item) && s.HighHarmSinceBreak + item.ExpectedHandleTime > s.Policy.WellnessBreakAfter
            ? $"{Minutes(s.HighHarmSinceBreak)} of high-harm work since the last wellness break; a {Minutes(s.Policy.WellnessBreak)} wellness break is due after {Minutes(s.Policy.WellnessBreakAfter)}"
            : null),
        (WellbeingRule.CutOff, (s, item) => HighHarm(item) && s.CutOff is { } cutOff && s.Now + item.ExpectedHandleTime > cutOff
            ? $"high-harm work stops at {s.Policy.HighHarmCutOff:HH\\:mm} local time; the item would run to {TimeZoneInfo.ConvertTime(s.Now + item.ExpectedHandleTime, s.Zone):HH\\:mm}"
            : null),
        (WellbeingRule.ShiftEnd, (s, item) => HighHarm(item) && s.ShiftEnd is { } end && s.Now + item.ExpectedHandleTime > end
            ? $"the shift ends at {end:u}; the item would run past it"
            : null),
        (WellbeingRule.Rotation, (s, item) => HighHarm(item) && s.HighHarmToday + item.ExpectedHandleTime > s.Policy.RotationAfter
            ? $"{Minutes(s.HighHarmToday)} of high-harm work today; after {Minutes(s.Policy.RotationAfter)} only lower-harm work"
            : null),
        (WellbeingRule.DayBudget, (s, item) => OverBudget(item, s.TodayIn(item.Category), s.Policy.BudgetOf(item.Category).TimePerDay, s.Policy.BudgetOf(item.Category).ItemsPerDay, "today")),
        (WellbeingRule.ShiftBudget, (s, item) => OverBudget(item, s.ThisShiftIn(item.Category), s.Policy.BudgetOf(item.Category).TimePerShift, s.Policy.BudgetOf(item.Category).ItemsPerShift, "this shift")),
        (WellbeingRule.CoolDown, (s, item) => item.Severity == HarmSeverity.Critical && s.CoolingUntil is { } until && s.Now < until
            ? until == DateTimeOffset.MaxValue ? "a critical item is in hand" : $"in cool-down after a critical item until {until:u}"
            : null),
        (WellbeingRule.ConsecutiveHighHarm, (s, item) => HighHarm(item) && s.HighHarmInARow >= s.Policy.MaxConsecutiveHighHarm
            ? $"{s.HighHarmInARow} high-harm items in a row, the most allowed; a lower-harm item or a wellness break comes next"
            : null),
        (WellbeingRule.MicroBreak, (s, item) => HarmTaxonomy.IsHarmful(item.Severity) && s.MicroBreakUntil is { } until && s.Now < until
            ? $"{s.Policy.MicroBreakAfter} harmful items back to back; a {Minutes(s.Policy.MicroBreak)} micro-break until {until:u}"
            : null),
    ];

    /// <summary>Whether the item may be offered to a specialist who stands as <paramref name="standing"/> says; if not, the first rule that holds it back and why.</summary>
    public static WellbeingVerdict Check(WellbeingStanding standing, ItemExposure item)
    {
        foreach (var (rule, holdsBack) in Rules)
        {
            if (holdsBack(standing, item) is { } reason)
            {
                return new WellbeingVerdict(rule, reason);
            }
        }

        return WellbeingVerdict.Allowed;
    }

    /// <summary>
    /// Whether an item of <paramref name="queueId"/> may be offered: checked against the rules in
    /// force for that queue (its override's where the team's policy has one, <see cref="WellbeingStanding.For"/>), and a refusal says so.
    /// </summary>
    public static WellbeingVerdict Check(WellbeingStanding standing, string queueId, ItemExposure item)
    {
        var forQueue = standing.For(queueId);
        var verdict = Check(forQueue, item);
        return verdict.IsAllowed || ReferenceEquals(forQueue, standing) ? verdict : verdict with { Reason = $"{verdict.Reason} (the override for queues/{queueId})" };
    }

    private static bool HighHarm(ItemExposure item) => HarmTaxonomy.IsHighHarm(item.Severity);

    private static string? OverBudget(ItemExposure item, ExposureAmount so, TimeSpan? time, int? items, string when)
    {
        if (time is { } maxTime && so.Time + item.ExpectedHandleTime > maxTime)
        {
            return $"{Minutes(so.Time)} of {item.Category} {when}; the item's {Minutes(item.ExpectedHandleTime)} would pass the budget of {Minutes(maxTime)}";
        }

        return items is { } maxItems && so.Items + 1 > maxItems
            ? $"{so.Items} {item.Category} items {when}, the budget"
            : null;
    }

    private static string Minutes(TimeSpan time) => time.TotalMinutes < 1 && time > TimeSpan.Zero ? $"{time.TotalSeconds:0} s" : $"{time.TotalMinutes:0} min";
}
