using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Domain.Tests;

/// <summary>
/// The ledger's totals are sums over the items a specialist handled: minutes fall in the window
/// they were spent in, an item counts once in the window it was accepted in, an item in hand
/// counts to now, and a minute weighs by the item's severity.
/// </summary>
public class ExposureLedgerTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(int hour, int minute) => Day + new TimeSpan(hour, minute, 0);

    [Fact]
    public void Minutes_fall_in_the_window_they_were_spent_in_and_an_item_counts_where_it_was_accepted()
    {
        // A child-safety item from 23:50 to 00:10 the next day: 10 minutes each side of midnight.
        var ledger = new ExposureLedger();
        ledger.Accepted("late", HarmCategory.ChildSafety, HarmSeverity.Critical, TimeSpan.FromMinutes(20), At(23, 50));
        ledger.Finished("late", At(24, 10));

        var today = ledger.Within(Day, Day.AddDays(1), At(24, 30), _ => true);
        var tomorrow = ledger.Within(Day.AddDays(1), Day.AddDays(2), At(24, 30), _ => true);

        Assert.Equal((1, TimeSpan.FromMinutes(10)), (today.Items, today.Time));
        Assert.Equal((0, TimeSpan.FromMinutes(10)), (tomorrow.Items, tomorrow.Time));
        // Critical weighs 2: 10 minutes weigh 20.
        Assert.Equal(20, tomorrow.WeightedMinutes, 6);
    }

    [Fact]
    public void An_item_in_hand_counts_to_now_and_totals_are_kept_per_category()
    {
        // 09:00–09:06 hate speech (medium, ×1), 09:10–09:14 self-harm (high, ×1.5), self-harm in hand since 09:20.
        var ledger = new ExposureLedger();
        ledger.Accepted("h1", HarmCategory.HateSpeech, HarmSeverity.Medium, TimeSpan.FromMinutes(5), At(9, 0));
        ledger.Finished("h1", At(9, 6));
        ledger.Accepted("s1", HarmCategory.SuicideSelfHarm, HarmSeverity.High, TimeSpan.FromMinutes(5), At(9, 10));
        ledger.Finished("s1", At(9, 14));
        ledger.Accepted("s2", HarmCategory.SuicideSelfHarm, HarmSeverity.High, TimeSpan.FromMinutes(5), At(9, 20));

        var byCategory = ledger.ByCategory(Day, Day.AddDays(1), At(9, 30));

        Assert.Equal(new ExposureAmount(1, TimeSpan.FromMinutes(6), 6), byCategory[HarmCategory.HateSpeech]);
        // 4 minutes finished and 10 in hand: 14 minutes, weighing 21.
        Assert.Equal(new ExposureAmount(2, TimeSpan.FromMinutes(14), 21), byCategory[HarmCategory.SuicideSelfHarm]);
        Assert.Equal(["s2"], ledger.InHand.Select(e => e.ItemId));
    }

    [Fact]
    public void Accepting_or_finishing_twice_changes_nothing_and_old_entries_are_forgotten_after_eight_days()
    {
        var ledger = new ExposureLedger();
        ledger.Accepted("a", HarmCategory.AnimalCruelty, HarmSeverity.High, TimeSpan.FromMinutes(5), At(9, 0));
        ledger.Accepted("a", HarmCategory.AnimalCruelty, HarmSeverity.High, TimeSpan.FromMinutes(5), At(9, 3));
        ledger.Finished("a", At(9, 5));
        ledger.Finished("a", At(9, 9));

        Assert.Equal(new ExposureEntry("a", HarmCategory.AnimalCruelty, HarmSeverity.High, At(9, 0), At(9, 5), TimeSpan.FromMinutes(5)), Assert.Single(ledger.Entries));

        ledger.Forget(At(9, 6).AddDays(8));
        Assert.Empty(ledger.Entries);
    }

    [Fact]
    public void The_last_wellness_break_that_counts_is_the_last_long_enough_one()
    {
        var ledger = new ExposureLedger();
        ledger.BreakStarted(At(10, 0));
        ledger.BreakEnded(At(10, 12));
        ledger.BreakStarted(At(11, 0));
        ledger.BreakEnded(At(11, 4));
        ledger.BreakStarted(At(12, 0));

        Assert.Equal(At(10, 12), ledger.LastBreakEnd(TimeSpan.FromMinutes(10), At(12, 30)));
        Assert.Equal(At(11, 4), ledger.LastBreakEnd(TimeSpan.FromMinutes(3), At(12, 30)));
        Assert.True(ledger.OnWellnessBreak);
    }

    [Fact]
    public void An_accept_held_while_it_is_made_counts_and_is_taken_back_when_it_fails()
    {
        var ledger = new ExposureLedger();
        ledger.Accepted("q/a", HarmCategory.ChildSafety, HarmSeverity.Critical, TimeSpan.FromMinutes(5), At(9, 0));
        Assert.Equal(1, ledger.InHandCount);

        ledger.Withdraw("q/a");
        Assert.Empty(ledger.Entries);
        Assert.Equal(0, ledger.InHandCount);
        // The same accept may be made again, as it really happened.
        Assert.NotNull(ledger.Accepted("q/a", HarmCategory.ChildSafety, HarmSeverity.Critical, TimeSpan.FromMinutes(5), At(9, 0)));
    }
}
