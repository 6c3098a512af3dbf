using System.Collections.Immutable;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;
using SafetyPlatform.Domain.Work;
using static SafetyPlatform.Domain.Tests.WorkFixtures;

namespace SafetyPlatform.Domain.Tests;

/// <summary>
/// A queue's override of the team's wellbeing policy: the items of that queue are weighed
/// against the team's rules with the override's in their place; every other queue keeps the
/// team's; the exposure weighed is the same (from every queue). Times are UTC on 25 November 2026.
/// </summary>
public class QueuePolicyOverrideTests
{
    /// <summary>The team: 5 hours of child safety a day, 4 hours of hate speech a shift, a 5-minute cool-down, 5 high-harm items in a row, a 4 pm cut-off.</summary>
    private static readonly WellbeingPolicy Team = new(
        ImmutableDictionary<HarmCategory, ExposureBudget>.Empty
            .Add(HarmCategory.ChildSafety, new ExposureBudget(null, null, TimeSpan.FromHours(5), null))
            .Add(HarmCategory.HateSpeech, new ExposureBudget(TimeSpan.FromHours(4), null, null, null)),
        CoolDown: TimeSpan.FromMinutes(5),
        MaxConsecutiveHighHarm: 5,
        MicroBreakAfter: int.MaxValue,
        MicroBreak: TimeSpan.Zero,
        WellnessBreakAfter: TimeSpan.FromDays(1),
        WellnessBreak: TimeSpan.FromMinutes(10),
        HighHarmCutOff: new TimeOnly(16, 0),
        RotationAfter: TimeSpan.FromDays(1));

    /// <summary>The worst reports' queue: 2 hours of child safety a day, a 30-minute cool-down, a 2 pm cut-off.</summary>
    private static readonly QueuePolicyOverride WorstReports = new(
        Budgets: ImmutableDictionary<HarmCategory, ExposureBudget>.Empty.Add(HarmCategory.ChildSafety, new ExposureBudget(null, null, TimeSpan.FromHours(2), null)),
        CoolDown: TimeSpan.FromMinutes(30),
        HighHarmCutOff: new TimeOnly(14, 0));

    private static readonly WellbeingPolicy WithOverride = Team with
    {
        QueueOverrides = ImmutableDictionary<string, QueuePolicyOverride>.Empty.Add("csam-priority", WorstReports),
    };

    private static DateTimeOffset At(int hour, int minute) => new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero) + new TimeSpan(hour, minute, 0);

    /// <summary>One child-safety (critical) item handled from 9:00 for 1 h 50 min, so 110 minutes today; it ended at 10:50.</summary>
    private static WellbeingStanding AfterOneLongItem(DateTimeOffset now)
    {
        var ledger = new ExposureLedger();
        ledger.Accepted("cs-0", HarmCategory.ChildSafety, HarmSeverity.Critical, TimeSpan.FromMinutes(20), At(9, 0));
        ledger.Finished("cs-0", At(10, 50));
        return WellbeingStanding.Of(WithOverride, ledger, PersonalLimits.None, TimeZoneInfo.Utc, At(8, 0), null, now);
    }

    [Fact]
    public void An_override_replaces_only_the_rules_it_sets_and_only_the_budgets_it_lists()
    {
        var rules = WithOverride.ForQueue("csam-priority");

        Assert.Equal(TimeSpan.FromHours(2), rules.BudgetOf(HarmCategory.ChildSafety).TimePerDay);
        Assert.Equal(TimeSpan.FromHours(4), rules.BudgetOf(HarmCategory.HateSpeech).TimePerShift);
        Assert.Equal(TimeSpan.FromMinutes(30), rules.CoolDown);
        Assert.Equal(new TimeOnly(14, 0), rules.HighHarmCutOff);
        Assert.Equal(5, rules.MaxConsecutiveHighHarm);
        Assert.Equal(TimeSpan.FromMinutes(10), rules.WellnessBreak);
        // Any other queue runs on the team's rules.
        Assert.Same(WithOverride, WithOverride.ForQueue("hate-en"));
        Assert.False(new QueuePolicyOverride().ChangesAnything);
        Assert.True(WorstReports.ChangesAnything);
    }

    [Fact]
    public void The_same_exposure_is_weighed_against_each_queues_rules()
    {
        // At 11:00: 110 minutes of child safety today; 15 more minutes fit the team's 5 hours but not the queue's 2 hours.
        var standing = AfterOneLongItem(At(11, 0));
        var fifteenMinutesOfChildSafety = ItemExposure.Of(HarmCategory.ChildSafety, TimeSpan.FromMinutes(15));

        Assert.True(WellbeingRules.Check(standing, "cs-en", fifteenMinutesOfChildSafety).IsAllowed);
        var held = WellbeingRules.Check(standing, "csam-priority", fifteenMinutesOfChildSafety);
        Assert.Equal(WellbeingRule.DayBudget, held.Rule);
        Assert.Contains("110 min", held.Reason);
        Assert.Contains("the override for queues/csam-priority", held.Reason);
        // Once the queue's 30-minute cool-down is over (11:20), 10 more minutes take it to exactly 2 hours: allowed.
        Assert.True(WellbeingRules.Check(AfterOneLongItem(At(11, 20)), "csam-priority", ItemExposure.Of(HarmCategory.ChildSafety, TimeSpan.FromMinutes(10))).IsAllowed);
    }

    [Fact]
    public void A_queue_with_a_longer_cool_down_and_an_earlier_cut_off_holds_its_items_back_while_the_team_allows_others()
    {
        // The critical item ended at 10:50. At 11:00 the team's 5-minute cool-down is over; the queue's 30 minutes run to 11:20.
        var afterTen = AfterOneLongItem(At(11, 0));
        var fiveMinutes = ItemExposure.Of(HarmCategory.ChildSafety, TimeSpan.FromMinutes(5));
        Assert.Equal(At(10, 55), afterTen.CoolingUntil);
        Assert.Equal(At(11, 20), afterTen.For("csam-priority").CoolingUntil);
        Assert.True(WellbeingRules.Check(afterTen, "cs-en", fiveMinutes).IsAllowed);
        Assert.Equal(WellbeingRule.CoolDown, WellbeingRules.Check(afterTen, "csam-priority", fiveMinutes).Rule);
        Assert.True(WellbeingRules.Check(AfterOneLongItem(At(11, 20)), "csam-priority", fiveMinutes).IsAllowed);

        // At 13:58 a 5-minute item would run to 14:03: past the queue's 2 pm cut-off, well before the team's 4 pm.
        var beforeTwo = AfterOneLongItem(At(13, 58));
        Assert.True(WellbeingRules.Check(beforeTwo, "cs-en", fiveMinutes).IsAllowed);
        Assert.Equal(WellbeingRule.CutOff, WellbeingRules.Check(beforeTwo, "csam-priority", fiveMinutes).Rule);
    }

    [Fact]
    public void Routing_names_the_override_that_holds_an_item_back()
    {
        var cian = Cian with { Wellbeing = AfterOneLongItem(At(11, 0)) };
        var routing = new QueueRouting("csam-priority", new QueueRequirements(HarmCategory.ChildSafety, [], Proficiency.Trainee), ["dublin"], TimeSpan.FromMinutes(15));
        var backlog = new Backlog(Rules() with { Routing = routing });
        var item = backlog.Admit(Submission("r-1") with { HarmCategory = HarmCategory.ChildSafety }, "cs-1", 0, At(10, 0)).Item;

        var verdict = Eligibility.ForItem(cian, routing, item);
        Assert.Equal(EligibilityRule.Wellbeing, verdict.Rule);
        Assert.Contains("DayBudget", verdict.Reason);
        Assert.Contains("the override for queues/csam-priority", verdict.Reason);
        Assert.True(Eligibility.ForItem(cian, routing with { QueueId = "cs-en" }, item).IsEligible);
    }
}
