using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>
/// The one set of wellbeing rules routing asks before every offer, transfer and accept
/// (docs/WELLBEING.md): each rule says why it holds an item back, or nothing. An item is never
/// offered if handling it for its expected handle time would break a limit; the first rule that
/// holds it back is the one named. A new rule is one more entry in <see cref="Rules"/>.
/// </summary>
public static class WellbeingRules
{
    private static readonly IReadOnlyList<(WellbeingRule Rule, Func<WellbeingQuestion, string?> HoldsBack)> Rules =
    [
        (WellbeingRule.OptOut, q => q.Personal.OptOuts.Contains(q.Item.Category)
            ? $"opted out of {q.Item.Category}"
            : null),
        (WellbeingRule.Restriction, q => q.Personal.Restricts(q.Item.Category, q.Now)
            ? $"restricted from {q.Item.Category} until {q.Personal.RestrictedUntil[q.Item.Category]:u}"
            : null),
        (WellbeingRule.WellnessBreakDue, q => HighHarm(q) && q.Since(q.ContinuousSince, IsHighHarm).Time + q.Item.ExpectedHandleTime > q.Policy.WellnessBreakAfter
            ? $"{Minutes(q.Since(q.ContinuousSince, IsHighHarm).Time)} of high-harm work since the last wellness break; a {Minutes(q.Policy.WellnessBreak)} wellness break is due after {Minutes(q.Policy.WellnessBreakAfter)}"
            : null),
        (WellbeingRule.CutOff, q => HighHarm(q) && q.CutOff is { } cutOff && q.ExpectedEnd > cutOff
            ? $"high-harm work stops at {q.Policy.HighHarmCutOff:HH\\:mm} local time; the item would run to {TimeZoneInfo.ConvertTime(q.ExpectedEnd, q.Zone):HH\\:mm}"
            : null),
        (WellbeingRule.ShiftEnd, q => HighHarm(q) && q.ShiftEnd is { } end && q.ExpectedEnd > end
            ? $"the shift ends at {end:u}; the item would run past it"
            : null),
        (WellbeingRule.Rotation, q => HighHarm(q) && q.Since(q.DayStart, IsHighHarm).Time + q.Item.ExpectedHandleTime > q.Policy.RotationAfter
            ? $"{Minutes(q.Since(q.DayStart, IsHighHarm).Time)} of high-harm work today; after {Minutes(q.Policy.RotationAfter)} only lower-harm work"
            : null),
        (WellbeingRule.DayBudget, q => OverBudget(q, q.DayStart, q.Policy.BudgetOf(q.Item.Category).TimePerDay, q.Policy.BudgetOf(q.Item.Category).ItemsPerDay, "today")),
        (WellbeingRule.ShiftBudget, q => OverBudget(q, q.ShiftStart, q.Policy.BudgetOf(q.Item.Category).TimePerShift, q.Policy.BudgetOf(q.Item.Category).ItemsPerShift, "this shift")),
        (WellbeingRule.CoolDown, q => q.Item.Severity == HarmSeverity.Critical && CoolingUntil(q) is { } until && q.Now < until
            ? $"in cool-down after a critical item until {until:u}"
            : null),
        (WellbeingRule.ConsecutiveHighHarm, q => HighHarm(q) && HighHarmInARow(q) >= q.Policy.MaxConsecutiveHighHarm
            ? $"{HighHarmInARow(q)} high-harm items in a row, the most allowed; a lower-harm item or a wellness break comes next"
            : null),
        (WellbeingRule.MicroBreak, q => HarmTaxonomy.IsHarmful(q.Item.Severity) && MicroBreakUntil(q) is { } until && q.Now < until
            ? $"{q.Policy.MicroBreakAfter} harmful items back to back; a {Minutes(q.Policy.MicroBreak)} micro-break until {until:u}"
            : null),
    ];

    /// <summary>Whether the item may be offered; if not, the first rule that holds it back and why.</summary>
    public static WellbeingVerdict Check(WellbeingQuestion question)
    {
        foreach (var (rule, holdsBack) in Rules)
        {
            if (holdsBack(question) is { } reason)
            {
                return new WellbeingVerdict(rule, reason);
            }
        }

        return WellbeingVerdict.Allowed;
    }

    private static bool HighHarm(WellbeingQuestion q) => HarmTaxonomy.IsHighHarm(q.Item.Severity);

    private static bool IsHighHarm(ExposureEntry entry) => HarmTaxonomy.IsHighHarm(entry.Severity);

    private static string? OverBudget(WellbeingQuestion q, DateTimeOffset from, TimeSpan? time, int? items, string when)
    {
        var so = q.Since(from, e => e.Category == q.Item.Category);
        if (time is { } maxTime && so.Time + q.Item.ExpectedHandleTime > maxTime)
        {
            return $"{Minutes(so.Time)} of {q.Item.Category} {when}; the item's {Minutes(q.Item.ExpectedHandleTime)} would pass the budget of {Minutes(maxTime)}";
        }

        return items is { } maxItems && so.Items + 1 > maxItems
            ? $"{so.Items} {q.Item.Category} items {when}, the budget"
            : null;
    }

    /// <summary>The end of the cool-down after the last Critical item; <see cref="DateTimeOffset.MaxValue"/> while one is in hand; null when none.</summary>
    private static DateTimeOffset? CoolingUntil(WellbeingQuestion q)
    {
        var critical = q.Ledger.Entries.Where(e => e.Severity == HarmSeverity.Critical).ToList();
        if (critical.Count == 0)
        {
            return null;
        }

        return critical.Any(e => e.Finished is null) ? DateTimeOffset.MaxValue : critical.Max(e => e.Finished!.Value) + q.Policy.CoolDown;
    }

    /// <summary>High-harm items at the end of the run of items accepted since the last wellness break that counts.</summary>
    private static int HighHarmInARow(WellbeingQuestion q)
    {
        var since = q.Ledger.LastBreakEnd(q.Policy.WellnessBreak, q.Now) ?? DateTimeOffset.MinValue;
        var run = 0;
        for (var i = q.Ledger.Entries.Count - 1; i >= 0 && q.Ledger.Entries[i].Started >= since && IsHighHarm(q.Ledger.Entries[i]); i--)
        {
            run++;
        }

        return run;
    }

    /// <summary>
    /// When the micro-break due after a batch ends: the batch is the harmful items at the end of
    /// the ledger taken with gaps shorter than a micro-break; null when it is shorter than the policy's batch.
    /// </summary>
    private static DateTimeOffset? MicroBreakUntil(WellbeingQuestion q)
    {
        var harmful = q.Ledger.Entries.Where(e => HarmTaxonomy.IsHarmful(e.Severity)).ToList();
        if (harmful.Count < q.Policy.MicroBreakAfter)
        {
            return null;
        }

        var batch = 1;
        for (var i = harmful.Count - 1; i > 0 && batch < q.Policy.MicroBreakAfter && harmful[i].Started - LatestEnd(harmful, i, q.Now) < q.Policy.MicroBreak; i--)
        {
            batch++;
        }

        // The break is a gap after all harmful exposure, including items still in hand.
        return batch >= q.Policy.MicroBreakAfter ? harmful.Max(e => e.EndOr(q.Now)) + q.Policy.MicroBreak : null;
    }

    /// <summary>The latest end among the harmful items accepted before item <paramref name="i"/> (with several in hand, they overlap).</summary>
    private static DateTimeOffset LatestEnd(List<ExposureEntry> harmful, int i, DateTimeOffset now) => harmful.Take(i).Max(e => e.EndOr(now));

    private static string Minutes(TimeSpan time) => time.TotalMinutes < 1 && time > TimeSpan.Zero ? $"{time.TotalSeconds:0} s" : $"{time.TotalMinutes:0} min";
}
