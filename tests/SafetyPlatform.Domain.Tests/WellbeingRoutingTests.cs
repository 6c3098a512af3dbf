using System.Collections.Immutable;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;
using SafetyPlatform.Domain.Work;
using static SafetyPlatform.Domain.Tests.WorkFixtures;

namespace SafetyPlatform.Domain.Tests;

/// <summary>
/// The wellbeing limits are one more eligibility rule: routing passes over an item that would
/// break one and offers the next that fits, and says which wellbeing rule held the item back.
/// </summary>
public class WellbeingRoutingTests
{
    /// <summary>Child safety, 5 hours a day; no other limit.</summary>
    private static readonly WellbeingPolicy FiveHoursOfChildSafety = new(
        ImmutableDictionary<HarmCategory, ExposureBudget>.Empty.Add(HarmCategory.ChildSafety, new ExposureBudget(null, null, TimeSpan.FromHours(5), null)),
        TimeSpan.Zero, int.MaxValue, int.MaxValue, TimeSpan.Zero, TimeSpan.FromDays(1), TimeSpan.Zero, null, TimeSpan.FromDays(1));

    /// <summary>Cian, having handled 4 h 50 min of child safety today by 14:00.</summary>
    private static RoutingCandidate CianAfterALongDay()
    {
        var ledger = new ExposureLedger();
        ledger.Accepted("earlier", HarmCategory.ChildSafety, HarmSeverity.Critical, TimeSpan.FromMinutes(10), At(8, 0));
        ledger.Finished("earlier", At(8, 0) + TimeSpan.FromMinutes(290));
        var standing = WellbeingStanding.Of(FiveHoursOfChildSafety, ledger, PersonalLimits.None, TimeZoneInfo.Utc, At(8, 0), null, At(14, 0));
        return Cian with { Wellbeing = standing };
    }

    private static WorkItem Admit(Backlog backlog, string itemId, HarmCategory category, int minute) =>
        backlog.Admit(Submission("r-" + itemId) with { HarmCategory = category }, itemId, 0, At(13, minute)).Item;

    [Fact]
    public void An_item_that_would_pass_a_budget_is_passed_over_for_the_next_that_fits()
    {
        // A child-safety item arrived first; with the queue's 5 minutes expected it would take Cian to 4 h 55: fits.
        var backlog = new Backlog(Rules() with { Routing = Routing() with { ExpectedHandleTime = TimeSpan.FromMinutes(5) } });
        var childSafety = Admit(backlog, "cs-1", HarmCategory.ChildSafety, 0);
        Admit(backlog, "hate-1", HarmCategory.HateSpeech, 1);
        Assert.Equal(childSafety.ItemId, backlog.BestFor(CianAfterALongDay())!.ItemId);

        // Expected to take 20 minutes, it would take him to 5 h 10: the hate-speech item comes instead.
        var slower = new Backlog(Rules() with { Routing = Routing() with { ExpectedHandleTime = TimeSpan.FromMinutes(20) } });
        var held = Admit(slower, "cs-1", HarmCategory.ChildSafety, 0);
        Admit(slower, "cs-2", HarmCategory.ChildSafety, 1);
        var hate = Admit(slower, "hate-1", HarmCategory.HateSpeech, 2);
        Assert.Equal(hate.ItemId, slower.BestFor(CianAfterALongDay())!.ItemId);

        var verdict = Eligibility.ForItem(CianAfterALongDay(), Routing() with { ExpectedHandleTime = TimeSpan.FromMinutes(20) }, held);
        Assert.Equal(EligibilityRule.Wellbeing, verdict.Rule);
        Assert.Contains("DayBudget", verdict.Reason);
        Assert.Contains("290 min", verdict.Reason);
    }

    [Fact]
    public void Where_wellbeing_is_not_weighed_nothing_is_held_back_and_a_queue_without_a_handle_time_counts_five_minutes()
    {
        var backlog = new Backlog(Rules() with { Routing = Routing() with { ExpectedHandleTime = TimeSpan.FromHours(1) } });
        var childSafety = Admit(backlog, "cs-1", HarmCategory.ChildSafety, 0);
        Assert.Equal(childSafety.ItemId, backlog.BestFor(Cian)!.ItemId);

        Assert.Equal(TimeSpan.FromMinutes(5), Routing().ExpectedHandleTimeOrDefault);
        Assert.True(Eligibility.ForItem(CianAfterALongDay(), Routing(), childSafety).IsEligible);
        Assert.Equal(EligibilityRule.Wellbeing,
            Eligibility.ForItem(CianAfterALongDay(), Routing() with { ExpectedHandleTime = TimeSpan.FromMinutes(11) }, childSafety).Rule);
    }
}
