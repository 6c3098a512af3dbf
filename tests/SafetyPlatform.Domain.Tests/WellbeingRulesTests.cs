using System.Collections.Immutable;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Domain.Tests;

/// <summary>
/// Each wellbeing rule on its own, with the numbers written out: an item is held back when
/// handling it for its expected time would break a limit, and the rule that holds it is named.
/// Times are UTC on 25 November 2026 unless a test says otherwise.
/// </summary>
public class WellbeingRulesTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Every limit off, so that a test turns on the one it is about.</summary>
    private static readonly WellbeingPolicy NoLimits = new(
        ImmutableDictionary<HarmCategory, ExposureBudget>.Empty, TimeSpan.Zero, int.MaxValue, int.MaxValue, TimeSpan.Zero,
        TimeSpan.FromDays(1), TimeSpan.Zero, null, TimeSpan.FromDays(1));

    private static DateTimeOffset At(int hour, int minute) => Day + new TimeSpan(hour, minute, 0);

    private static TimeSpan Minutes(double minutes) => TimeSpan.FromMinutes(minutes);

    private static WellbeingVerdict Check(WellbeingPolicy policy, ExposureLedger ledger, DateTimeOffset now, HarmCategory category, double expectedMinutes,
        PersonalLimits? personal = null, DateTimeOffset? shiftStart = null, DateTimeOffset? shiftEnd = null, TimeZoneInfo? zone = null) =>
        WellbeingRules.Check(
            WellbeingStanding.Of(policy, ledger, personal ?? PersonalLimits.None, zone ?? TimeZoneInfo.Utc, shiftStart ?? At(8, 0), shiftEnd, now),
            ItemExposure.Of(category, Minutes(expectedMinutes)));

    /// <summary>A ledger of finished items: (category, accepted at, minutes handled).</summary>
    private static ExposureLedger Handled(params (HarmCategory Category, DateTimeOffset Start, double Minutes)[] items)
    {
        var ledger = new ExposureLedger();
        var n = 0;
        foreach (var (category, start, minutes) in items)
        {
            var id = $"item-{n++}";
            ledger.Accepted(id, category, HarmTaxonomy.SeverityOf(category), Minutes(minutes), start);
            ledger.Finished(id, start + Minutes(minutes));
        }

        return ledger;
    }

    [Fact]
    public void An_item_that_would_pass_the_days_budget_is_held_back_and_one_that_fits_is_not()
    {
        // Child safety, 5 hours a day (IWF). Handled today: 2 h 30 + 2 h 20 = 4 h 50 min.
        var policy = NoLimits with { Budgets = NoLimits.Budgets.Add(HarmCategory.ChildSafety, new ExposureBudget(null, null, TimeSpan.FromHours(5), null)) };
        var ledger = Handled((HarmCategory.ChildSafety, At(8, 0), 150), (HarmCategory.ChildSafety, At(11, 0), 140));

        // 4 h 50 + 8 min = 4 h 58: fits. 4 h 50 + 12 min = 5 h 02: held back.
        Assert.True(Check(policy, ledger, At(14, 0), HarmCategory.ChildSafety, 8).IsAllowed);
        var held = Check(policy, ledger, At(14, 0), HarmCategory.ChildSafety, 12);
        Assert.Equal(WellbeingRule.DayBudget, held.Rule);
        Assert.Contains("290 min", held.Reason);
        // Other categories have their own budgets (none here).
        Assert.True(Check(policy, ledger, At(14, 0), HarmCategory.HateSpeech, 60).IsAllowed);
        // Yesterday's minutes are yesterday's: the day starts at midnight.
        Assert.True(Check(policy, Handled((HarmCategory.ChildSafety, At(8, 0).AddDays(-1), 290)), At(9, 0), HarmCategory.ChildSafety, 12).IsAllowed);
    }

    [Fact]
    public void An_item_in_hand_counts_to_its_expected_end()
    {
        // 60 min a day of self-harm. One item accepted at 10:00 expected to take 40 min, 10 min in at 10:10.
        var policy = NoLimits with { Budgets = NoLimits.Budgets.Add(HarmCategory.SuicideSelfHarm, new ExposureBudget(null, null, Minutes(60), null)) };
        var ledger = new ExposureLedger();
        ledger.Accepted("in-hand", HarmCategory.SuicideSelfHarm, HarmSeverity.High, Minutes(40), At(10, 0));

        // 40 (not 10) + 20 = 60: fits; 40 + 21 = 61 does not.
        Assert.True(Check(policy, ledger, At(10, 10), HarmCategory.SuicideSelfHarm, 20).IsAllowed);
        Assert.Equal(WellbeingRule.DayBudget, Check(policy, ledger, At(10, 10), HarmCategory.SuicideSelfHarm, 21).Rule);
        // Run over (still in hand at 10:50, 50 min): it counts what it has taken.
        Assert.Equal(WellbeingRule.DayBudget, Check(policy, ledger, At(10, 50), HarmCategory.SuicideSelfHarm, 11).Rule);
    }

    [Fact]
    public void A_shift_budget_of_items_counts_only_this_shifts_items()
    {
        // 3 animal-cruelty items per shift. Two in the shift that began at 13:00, two more in the morning's.
        var policy = NoLimits with { Budgets = NoLimits.Budgets.Add(HarmCategory.AnimalCruelty, new ExposureBudget(null, 3, null, null)) };
        var ledger = Handled(
            (HarmCategory.AnimalCruelty, At(9, 0), 5), (HarmCategory.AnimalCruelty, At(9, 10), 5),
            (HarmCategory.AnimalCruelty, At(13, 5), 5), (HarmCategory.AnimalCruelty, At(13, 15), 5));

        Assert.True(Check(policy, ledger, At(13, 30), HarmCategory.AnimalCruelty, 5, shiftStart: At(13, 0)).IsAllowed);
        ledger.Accepted("third", HarmCategory.AnimalCruelty, HarmSeverity.High, Minutes(5), At(13, 30));
        Assert.Equal(WellbeingRule.ShiftBudget, Check(policy, ledger, At(13, 31), HarmCategory.AnimalCruelty, 5, shiftStart: At(13, 0)).Rule);
    }

    [Fact]
    public void After_a_critical_item_no_other_critical_item_until_the_cool_down_has_passed()
    {
        // Cool-down 5 min. A child-safety item finished at 10:00.
        var policy = NoLimits with { CoolDown = Minutes(5) };
        var ledger = Handled((HarmCategory.ChildSafety, At(9, 50), 10));

        Assert.Equal(WellbeingRule.CoolDown, Check(policy, ledger, At(10, 4), HarmCategory.ViolentExtremism, 5).Rule);
        // A high (not critical) item is not held by the cool-down.
        Assert.True(Check(policy, ledger, At(10, 4), HarmCategory.ViolentGraphic, 5).IsAllowed);
        Assert.True(Check(policy, ledger, At(10, 5), HarmCategory.ChildSafety, 5).IsAllowed);

        // The cool-down runs on over midnight and into a new shift: an item ended at 23:58, the shift began at 00:01.
        var lateItem = Handled((HarmCategory.ChildSafety, At(23, 50), 8));
        Assert.Equal(WellbeingRule.CoolDown, Check(policy, lateItem, At(24, 2), HarmCategory.ChildSafety, 5, shiftStart: At(24, 1)).Rule);
        Assert.True(Check(policy, lateItem, At(24, 3), HarmCategory.ChildSafety, 5, shiftStart: At(24, 1)).IsAllowed);

        // While a critical item is in hand, another waits.
        ledger.Accepted("in-hand", HarmCategory.ChildSafety, HarmSeverity.Critical, Minutes(5), At(10, 5));
        Assert.Equal(WellbeingRule.CoolDown, Check(policy, ledger, At(10, 6), HarmCategory.ChildSafety, 5).Rule);
    }

    [Fact]
    public void At_most_three_high_harm_items_in_a_row_then_a_lower_harm_item_or_a_wellness_break()
    {
        var policy = NoLimits with { MaxConsecutiveHighHarm = 3, WellnessBreak = Minutes(10) };
        var ledger = Handled(
            (HarmCategory.SuicideSelfHarm, At(9, 0), 5), (HarmCategory.ViolentGraphic, At(9, 5), 5), (HarmCategory.ChildSafety, At(9, 10), 5));

        Assert.Equal(WellbeingRule.ConsecutiveHighHarm, Check(policy, ledger, At(9, 20), HarmCategory.AnimalCruelty, 5).Rule);
        Assert.True(Check(policy, ledger, At(9, 20), HarmCategory.HateSpeech, 5).IsAllowed);

        // A hate-speech item ends the run.
        ledger.Accepted("hate", HarmCategory.HateSpeech, HarmSeverity.Medium, Minutes(5), At(9, 20));
        ledger.Finished("hate", At(9, 25));
        Assert.True(Check(policy, ledger, At(9, 25), HarmCategory.AnimalCruelty, 5).IsAllowed);

        // So does a wellness break of 10 minutes; one of 4 minutes does not.
        var afterShortBreak = Handled(
            (HarmCategory.SuicideSelfHarm, At(9, 0), 5), (HarmCategory.ViolentGraphic, At(9, 5), 5), (HarmCategory.ChildSafety, At(9, 10), 5));
        afterShortBreak.BreakStarted(At(9, 15));
        afterShortBreak.BreakEnded(At(9, 19));
        Assert.Equal(WellbeingRule.ConsecutiveHighHarm, Check(policy, afterShortBreak, At(9, 20), HarmCategory.AnimalCruelty, 5).Rule);
        afterShortBreak.BreakStarted(At(9, 20));
        afterShortBreak.BreakEnded(At(9, 30));
        Assert.True(Check(policy, afterShortBreak, At(9, 30), HarmCategory.AnimalCruelty, 5).IsAllowed);
    }

    [Fact]
    public void After_a_batch_of_three_harmful_items_back_to_back_a_three_minute_micro_break()
    {
        // Three hate-speech items from 10:00 with 1-minute gaps; the last ended at 10:10.
        var policy = NoLimits with { MicroBreakAfter = 3, MicroBreak = Minutes(3) };
        var ledger = Handled((HarmCategory.HateSpeech, At(10, 0), 2), (HarmCategory.HateSpeech, At(10, 3), 3), (HarmCategory.HarassmentBullying, At(10, 7), 3));

        var held = Check(policy, ledger, At(10, 12), HarmCategory.HateSpeech, 2);
        Assert.Equal(WellbeingRule.MicroBreak, held.Rule);
        Assert.Contains("10:13", held.Reason);
        // Spam is not harmful content: no micro-break needed for it.
        Assert.True(Check(policy, ledger, At(10, 12), HarmCategory.SpamScams, 2).IsAllowed);
        Assert.True(Check(policy, ledger, At(10, 13), HarmCategory.HateSpeech, 2).IsAllowed);

        // Two items with a 3-minute gap before them are a new batch, not the end of the old one.
        var separate = Handled((HarmCategory.HateSpeech, At(10, 0), 2), (HarmCategory.HateSpeech, At(10, 5), 2), (HarmCategory.HateSpeech, At(10, 8), 2));
        Assert.True(Check(policy, separate, At(10, 10), HarmCategory.HateSpeech, 2).IsAllowed);
    }

    [Fact]
    public void After_an_hour_of_high_harm_work_a_wellness_break_before_any_more()
    {
        // 60 min of high harm, then a 10-minute wellness break. Handled since 09:00: 30 + 25 = 55 min.
        var policy = NoLimits with { WellnessBreakAfter = Minutes(60), WellnessBreak = Minutes(10) };
        var ledger = Handled((HarmCategory.ViolentGraphic, At(9, 0), 30), (HarmCategory.SuicideSelfHarm, At(9, 30), 25));

        Assert.True(Check(policy, ledger, At(9, 55), HarmCategory.ViolentGraphic, 5).IsAllowed);
        var held = Check(policy, ledger, At(9, 55), HarmCategory.ViolentGraphic, 6);
        Assert.Equal(WellbeingRule.WellnessBreakDue, held.Rule);
        Assert.Contains("55 min", held.Reason);
        // Lower-harm work goes on.
        Assert.True(Check(policy, ledger, At(9, 55), HarmCategory.HateSpeech, 30).IsAllowed);

        // A break of 4 minutes does not count; one of 10 does, and the hour starts again after it.
        ledger.BreakStarted(At(9, 55));
        ledger.BreakEnded(At(9, 59));
        Assert.Equal(WellbeingRule.WellnessBreakDue, Check(policy, ledger, At(9, 59), HarmCategory.ViolentGraphic, 6).Rule);
        ledger.BreakStarted(At(10, 0));
        ledger.BreakEnded(At(10, 10));
        Assert.True(Check(policy, ledger, At(10, 10), HarmCategory.ViolentGraphic, 60).IsAllowed);
    }

    [Fact]
    public void No_high_harm_item_that_would_run_past_four_pm_on_the_teams_clock()
    {
        // Dublin in November is on UTC+0; Helsinki is UTC+2, so its 16:00 is 14:00 UTC.
        var policy = NoLimits with { HighHarmCutOff = new TimeOnly(16, 0) };
        var helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");
        var empty = new ExposureLedger();

        Assert.True(Check(policy, empty, At(13, 50), HarmCategory.ChildSafety, 10, zone: helsinki).IsAllowed);
        var held = Check(policy, empty, At(13, 50), HarmCategory.ChildSafety, 11, zone: helsinki);
        Assert.Equal(WellbeingRule.CutOff, held.Rule);
        Assert.Contains("16:01", held.Reason);
        Assert.Equal(WellbeingRule.CutOff, Check(policy, empty, At(14, 0), HarmCategory.ViolentGraphic, 1, zone: helsinki).Rule);
        // Lower-harm work goes on after the cut-off.
        Assert.True(Check(policy, empty, At(15, 0), HarmCategory.HateSpeech, 30, zone: helsinki).IsAllowed);
        // In Dublin it is only 13:50.
        Assert.True(Check(policy, empty, At(13, 50), HarmCategory.ChildSafety, 11, zone: TimeZoneInfo.FindSystemTimeZoneById("Europe/Dublin")).IsAllowed);
    }

    [Fact]
    public void No_high_harm_item_that_would_run_past_the_end_of_the_shift()
    {
        var empty = new ExposureLedger();

        Assert.True(Check(NoLimits, empty, At(16, 50), HarmCategory.AnimalCruelty, 10, shiftEnd: At(17, 0)).IsAllowed);
        Assert.Equal(WellbeingRule.ShiftEnd, Check(NoLimits, empty, At(16, 50), HarmCategory.AnimalCruelty, 11, shiftEnd: At(17, 0)).Rule);
        Assert.True(Check(NoLimits, empty, At(16, 50), HarmCategory.Misinformation, 30, shiftEnd: At(17, 0)).IsAllowed);
    }

    [Fact]
    public void After_five_hours_of_high_harm_work_in_a_day_only_lower_harm_work()
    {
        // 3 h of child safety and 1 h 50 of self-harm today: 4 h 50 of high harm.
        var policy = NoLimits with { RotationAfter = TimeSpan.FromHours(5) };
        var ledger = Handled((HarmCategory.ChildSafety, At(8, 0), 180), (HarmCategory.SuicideSelfHarm, At(11, 30), 110));

        Assert.True(Check(policy, ledger, At(14, 0), HarmCategory.ViolentGraphic, 10).IsAllowed);
        Assert.Equal(WellbeingRule.Rotation, Check(policy, ledger, At(14, 0), HarmCategory.ViolentGraphic, 11).Rule);
        Assert.True(Check(policy, ledger, At(14, 0), HarmCategory.HarassmentBullying, 120).IsAllowed);
    }

    [Fact]
    public void An_opt_out_holds_for_good_and_a_restriction_until_it_ends()
    {
        var personal = new PersonalLimits([HarmCategory.AnimalCruelty], ImmutableDictionary<HarmCategory, DateTimeOffset>.Empty.Add(HarmCategory.SuicideSelfHarm, At(12, 0)));
        var empty = new ExposureLedger();

        Assert.Equal(WellbeingRule.OptOut, Check(NoLimits, empty, At(11, 0), HarmCategory.AnimalCruelty, 5, personal).Rule);
        Assert.Equal(WellbeingRule.Restriction, Check(NoLimits, empty, At(11, 59), HarmCategory.SuicideSelfHarm, 5, personal).Rule);
        Assert.True(Check(NoLimits, empty, At(12, 0), HarmCategory.SuicideSelfHarm, 5, personal).IsAllowed);
        Assert.True(Check(NoLimits, empty, At(11, 0), HarmCategory.HateSpeech, 5, personal).IsAllowed);
    }

    [Fact]
    public void The_default_policy_cites_its_sources_numbers()
    {
        var policy = WellbeingPolicy.Default;

        Assert.Equal(TimeSpan.FromHours(5), policy.BudgetOf(HarmCategory.ChildSafety).TimePerDay);      // IWF: 5 hours a day
        Assert.Equal(TimeSpan.FromHours(4), policy.BudgetOf(HarmCategory.ViolentGraphic).TimePerDay);   // YouTube: 4 hours a day
        Assert.Equal(new TimeOnly(16, 0), policy.HighHarmCutOff);                                        // IWF: firm 4 pm cut-off
        Assert.Equal(TimeSpan.FromHours(1), policy.WellnessBreakAfter);                                  // IWF: hourly breaks
        Assert.InRange(policy.MicroBreak, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5));             // providers: 2–5 minutes
        Assert.Equal(ExposureBudget.Unlimited, policy.BudgetOf(HarmCategory.SpamScams));
    }
}
