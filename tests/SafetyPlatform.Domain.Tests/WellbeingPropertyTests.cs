using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Domain.Tests;

/// <summary>
/// Random months on a team's floor (<see cref="WellbeingFloor"/>) under random policies, tight
/// enough that every limit is reached often: no limit is ever broken, the ledger stays exact, and
/// every item goes to someone the rules allow whenever anyone is free and allowed. The priority
/// queue has an override, stricter than the team's rules, that its items are weighed by.
/// </summary>
public class WellbeingPropertyTests
{
    private static readonly Arbitrary<(WellbeingPolicy Policy, int Seed)> Months = Arb.From(
        from childSafetyMinutes in Gen.Choose(20, 300)
        from selfHarmItems in Gen.Choose(3, 40)
        from hateShiftMinutes in Gen.Choose(15, 240)
        from coolDown in Gen.Choose(0, 20)
        from inARow in Gen.Choose(1, 6)
        from batch in Gen.Choose(2, 12)
        from microBreak in Gen.Choose(1, 5)
        from wellnessAfter in Gen.Choose(15, 90)
        from wellness in Gen.Choose(3, 12)
        from cutOff in Gen.Choose(13 * 60, 19 * 60)
        from rotation in Gen.Choose(30, 360)
        from priorityChildSafetyShare in Gen.Choose(10, 100)
        from priorityLongerCoolDown in Gen.Choose(0, 30)
        from priorityFewerInARow in Gen.Choose(0, 5)
        from priorityEarlierCutOff in Gen.Choose(0, 240)
        from seed in Gen.Choose(0, int.MaxValue - 1)
        select (new WellbeingPolicy(
            ImmutableDictionary<HarmCategory, ExposureBudget>.Empty
                .Add(HarmCategory.ChildSafety, new ExposureBudget(null, null, TimeSpan.FromMinutes(childSafetyMinutes), null))
                .Add(HarmCategory.SuicideSelfHarm, new ExposureBudget(null, null, null, selfHarmItems))
                .Add(HarmCategory.HateSpeech, new ExposureBudget(TimeSpan.FromMinutes(hateShiftMinutes), null, null, null)),
            TimeSpan.FromMinutes(coolDown),
            inARow,
            batch,
            TimeSpan.FromMinutes(microBreak),
            TimeSpan.FromMinutes(wellnessAfter),
            TimeSpan.FromMinutes(wellness),
            cutOff >= 19 * 60 ? null : TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(cutOff)),
            TimeSpan.FromMinutes(rotation),
            QueueOverrides: ImmutableDictionary<string, QueuePolicyOverride>.Empty.Add(WellbeingFloor.PriorityQueue, new QueuePolicyOverride(
                Budgets: ImmutableDictionary<HarmCategory, ExposureBudget>.Empty
                    .Add(HarmCategory.ChildSafety, new ExposureBudget(null, null, TimeSpan.FromMinutes(Math.Max(1, childSafetyMinutes * priorityChildSafetyShare / 100)), null)),
                CoolDown: TimeSpan.FromMinutes(coolDown + priorityLongerCoolDown),
                MaxConsecutiveHighHarm: Math.Max(1, inARow - priorityFewerInARow),
                HighHarmCutOff: TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Math.Min(cutOff, 19 * 60) - priorityEarlierCutOff))))), seed));

    [Property(MaxTest = 12)]
    public Property A_month_never_breaks_a_limit_keeps_the_ledger_exact_and_routes_every_item_someone_may_take() =>
        Prop.ForAll(Months, month => new WellbeingFloor(month.Policy, month.Seed).PlayMonth());

    [Fact]
    public void A_month_under_the_default_policy_holds_too() =>
        Assert.True(new WellbeingFloor(WellbeingPolicy.Default, 20261202).PlayMonth());
}
