using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Domain.Tests;

/// <summary>Opt-outs and restrictions, as a lead and a specialist would read them.</summary>
public class PersonalWellbeingTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(OptOutStatus.Unspecified, OptOutStatus.Requested, true)]
    [InlineData(OptOutStatus.Requested, OptOutStatus.Approved, true)]
    [InlineData(OptOutStatus.Requested, OptOutStatus.Declined, true)]
    [InlineData(OptOutStatus.Requested, OptOutStatus.Withdrawn, true)]
    [InlineData(OptOutStatus.Approved, OptOutStatus.Withdrawn, true)]
    [InlineData(OptOutStatus.Declined, OptOutStatus.Requested, true)]
    [InlineData(OptOutStatus.Withdrawn, OptOutStatus.Requested, true)]
    [InlineData(OptOutStatus.Unspecified, OptOutStatus.Approved, false)]
    [InlineData(OptOutStatus.Approved, OptOutStatus.Approved, false)]
    [InlineData(OptOutStatus.Approved, OptOutStatus.Declined, false)]
    [InlineData(OptOutStatus.Declined, OptOutStatus.Approved, false)]
    [InlineData(OptOutStatus.Withdrawn, OptOutStatus.Approved, false)]
    public void The_specialist_asks_the_lead_decides_and_either_ends_it(OptOutStatus from, OptOutStatus to, bool allowed) =>
        Assert.Equal(allowed, OptOutTransitions.Refusal(from, to) is null);

    [Fact]
    public void Only_an_approved_opt_out_holds_back_work()
    {
        var (asked, _) = PersonalWellbeing.None.MoveOptOut(HarmCategory.AnimalCruelty, OptOutStatus.Requested, "specialists/aoife", "own pets", Monday);
        Assert.Empty(asked.Limits().OptOuts);

        var (approved, refusal) = asked.MoveOptOut(HarmCategory.AnimalCruelty, OptOutStatus.Approved, "specialists/orla", "agreed at the 1-2-1", Monday.AddHours(1));
        Assert.Null(refusal);
        Assert.Equal([HarmCategory.AnimalCruelty], approved.Limits().OptOuts);
        Assert.Equal("specialists/orla", approved.OptOuts[HarmCategory.AnimalCruelty].Actor);

        var (withdrawn, _) = approved.MoveOptOut(HarmCategory.AnimalCruelty, OptOutStatus.Withdrawn, "specialists/aoife", "ready again", Monday.AddDays(30));
        Assert.Empty(withdrawn.Limits().OptOuts);
    }

    [Fact]
    public void A_lead_cannot_approve_what_was_never_asked_and_a_refused_change_changes_nothing()
    {
        var (same, refusal) = PersonalWellbeing.None.MoveOptOut(HarmCategory.ChildSafety, OptOutStatus.Approved, "specialists/orla", "", Monday);
        Assert.Same(PersonalWellbeing.None, same);
        Assert.Equal("ChildSafety: there is no opt-out to mark APPROVED", refusal);
    }

    [Fact]
    public void A_restriction_holds_until_it_ends_and_can_be_lifted_early()
    {
        var until = Monday.AddDays(14);
        var (restricted, _) = PersonalWellbeing.None.Restrict(HarmCategory.SuicideSelfHarm, until, "specialists/wellbeing-team", "after a hard week", Monday);
        var limits = restricted.Limits();
        Assert.True(limits.Restricts(HarmCategory.SuicideSelfHarm, Monday.AddDays(13)));
        Assert.False(limits.Restricts(HarmCategory.SuicideSelfHarm, until));

        var (lifted, refusal) = restricted.Lift(HarmCategory.SuicideSelfHarm, Monday.AddDays(7));
        Assert.Null(refusal);
        Assert.False(lifted.Limits().Restricts(HarmCategory.SuicideSelfHarm, Monday.AddDays(8)));
        Assert.Equal("SuicideSelfHarm: no restriction is in force", lifted.Lift(HarmCategory.SuicideSelfHarm, Monday.AddDays(8)).Refusal);
        Assert.Equal("HateSpeech: a restriction must end after it starts", PersonalWellbeing.None.Restrict(HarmCategory.HateSpeech, Monday, "x", "", Monday).Refusal);
    }
}
