using System.Collections.Immutable;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Domain.Tests;

/// <summary>When a specialist's wellbeing calls for their lead, with the numbers written out. Times are UTC on 25 November 2026.</summary>
public class WellbeingAlertRulesTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Child safety 5 hours a day, a wellness break of 10 minutes after 60 of high harm, a 16:00 cut-off, rotation after 5 h.</summary>
    private static readonly WellbeingPolicy Policy = new(
        ImmutableDictionary<HarmCategory, ExposureBudget>.Empty.Add(HarmCategory.ChildSafety, new ExposureBudget(null, null, TimeSpan.FromHours(5), null)),
        TimeSpan.Zero, int.MaxValue, int.MaxValue, TimeSpan.Zero, TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(10), new TimeOnly(16, 0), TimeSpan.FromHours(5));

    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    private static DateTimeOffset At(int hour, int minute) => Day + new TimeSpan(hour, minute, 0);

    /// <summary>A ledger of child-safety items handled back to back from <paramref name="from"/>, each of <paramref name="minutes"/>, with breaks between as given.</summary>
    private static ExposureLedger ChildSafety(DateTimeOffset from, params double[] minutes)
    {
        var ledger = new ExposureLedger();
        var at = from;
        for (var i = 0; i < minutes.Length; i++)
        {
            ledger.Accepted($"item-{i}", HarmCategory.ChildSafety, HarmSeverity.Critical, FiveMinutes, at);
            at += TimeSpan.FromMinutes(minutes[i]);
            ledger.Finished($"item-{i}", at);
        }

        return ledger;
    }

    private static IReadOnlyList<AlertCondition> Evaluate(ExposureLedger ledger, DateTimeOffset now, DateTimeOffset? breakDueSince = null, int highHarmInHand = 0) =>
        WellbeingAlertRules.Evaluate("specialists/aoife", WellbeingStanding.Of(Policy, ledger, PersonalLimits.None, TimeZoneInfo.Utc, At(8, 0), null, now),
            FiveMinutes, ledger.OnWellnessBreak, breakDueSince, highHarmInHand);

    /// <summary>Child-safety items from <paramref name="from"/>, each of <paramref name="minutes"/>, with a 10-minute wellness break after each but the last.</summary>
    private static ExposureLedger WithBreaks(DateTimeOffset from, params double[] minutes)
    {
        var ledger = new ExposureLedger();
        var at = from;
        for (var i = 0; i < minutes.Length; i++)
        {
            ledger.Accepted($"item-{i}", HarmCategory.ChildSafety, HarmSeverity.Critical, FiveMinutes, at);
            at += TimeSpan.FromMinutes(minutes[i]);
            ledger.Finished($"item-{i}", at);
            if (i < minutes.Length - 1)
            {
                ledger.BreakStarted(at);
                at += TimeSpan.FromMinutes(10);
                ledger.BreakEnded(at);
            }
        }

        return ledger;
    }

    [Fact]
    public void Four_hours_of_a_five_hour_budget_is_near_the_limit_and_five_is_the_limit()
    {
        // 55 + 55 + 55 + 55 + 20 = 240 minutes of child safety today, a break after each hour: 80 % of 300.
        var near = Assert.Single(Evaluate(WithBreaks(At(8, 0), 55, 55, 55, 55, 20), At(12, 40)));
        Assert.Equal((AlertKind.ExposureNearLimit, 80.0, 80.0), (near.Kind, near.Value, near.Threshold));
        Assert.Contains("ChildSafety minutes today: 240 of 300", near.Summary, StringComparison.Ordinal);

        // 55 × 5 + 25 = 300 minutes: all of it.
        var reached = Evaluate(WithBreaks(At(8, 0), 55, 55, 55, 55, 55, 25), At(14, 0));
        Assert.Contains(reached, c => c.Kind == AlertKind.ExposureLimitReached && c.Value == 100);
    }

    [Fact]
    public void A_break_is_due_once_the_next_item_would_pass_the_hour_and_overdue_ten_minutes_later()
    {
        // 56 minutes of high harm since the shift began: 56 + 5 > 60, so high-harm work stops.
        var ledger = ChildSafety(At(8, 0), 56);
        var due = Assert.Single(Evaluate(ledger, At(9, 0)));
        Assert.Equal((AlertKind.WellnessBreakDue, 56.0, 60.0), (due.Kind, due.Value, due.Threshold));

        // Due since 8:56 and not taken by 9:06, the length of a break: overdue.
        var overdue = Assert.Single(Evaluate(ledger, At(9, 6), breakDueSince: At(8, 56)));
        Assert.Equal(AlertKind.WellnessBreakOverdue, overdue.Kind);

        // Taking it: nothing is due while it lasts.
        ledger.BreakStarted(At(9, 7));
        Assert.Empty(Evaluate(ledger, At(9, 10), breakDueSince: At(8, 56)));

        // 50 minutes: 50 + 5 ≤ 60, nothing is due.
        Assert.Empty(Evaluate(ChildSafety(At(8, 0), 50), At(9, 0)));
    }

    [Fact]
    public void Past_the_cut_off_with_a_high_harm_item_in_hand_is_an_alert_and_without_one_is_not()
    {
        var ledger = ChildSafety(At(15, 0), 20);
        Assert.Empty(Evaluate(ledger, At(16, 5)));
        var held = Assert.Single(Evaluate(ledger, At(16, 5), highHarmInHand: 1));
        Assert.Equal(AlertKind.CutOffWithItemsHeld, held.Kind);
        Assert.Contains("16:00", held.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Breaks_today_that_lasted_their_ten_minutes_count_and_shorter_ones_were_cut_short()
    {
        var breaks = new[]
        {
            new WellnessBreak(At(9, 0), At(9, 10)),     // 10 min: taken
            new WellnessBreak(At(10, 0), At(10, 4)),    // 4 min: cut short
            new WellnessBreak(At(11, 0), null),         // under way: neither yet
            new WellnessBreak(Day.AddHours(-2), Day.AddHours(-1.5)), // yesterday: not today's
        };
        Assert.Equal(new WellnessBreakTally(1, 1), WellnessBreakTally.Since(breaks, Day, TimeSpan.FromMinutes(10)));
    }
}
