using SafetyPlatform.Domain.Roster;
using static SafetyPlatform.Domain.Roster.ActivityState;

namespace SafetyPlatform.Domain.Tests;

public class ActivityTransitionsTests
{
    [Theory]
    [InlineData(Offline, Available)]
    [InlineData(Offline, Training)]
    [InlineData(Offline, OneToOne)]
    [InlineData(Offline, Meeting)]
    [InlineData(Available, Break)]
    [InlineData(Available, WellnessBreak)]
    [InlineData(Available, Offline)]
    [InlineData(Handling, WellnessBreak)]
    [InlineData(Break, Available)]
    [InlineData(WellnessBreak, OneToOne)]
    [InlineData(Meeting, Training)]
    [InlineData(Training, Offline)]
    public void A_lead_accepts_these_manual_changes(ActivityState from, ActivityState to) =>
        Assert.True(ActivityTransitions.Check(from, to, TransitionCause.Manual).Allowed);

    [Theory]
    [InlineData(Offline, Break, "OFFLINE to BREAK")]
    [InlineData(Offline, WellnessBreak, "OFFLINE to WELLNESS_BREAK")]
    [InlineData(Handling, Break, "HANDLING to BREAK")]
    [InlineData(Handling, Available, "HANDLING to AVAILABLE")]
    [InlineData(Handling, Offline, "HANDLING to OFFLINE")]
    [InlineData(Handling, Meeting, "HANDLING to MEETING")]
    [InlineData(WellnessBreak, Break, "WELLNESS_BREAK to BREAK")]
    public void Refused_changes_say_which_change_was_refused(ActivityState from, ActivityState to, string named)
    {
        var verdict = ActivityTransitions.Check(from, to, TransitionCause.Manual);
        Assert.False(verdict.Allowed);
        Assert.Contains(named, verdict.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Offline)]
    [InlineData(Available)]
    [InlineData(Break)]
    [InlineData(Training)]
    public void Handling_is_never_set_by_hand(ActivityState from)
    {
        var verdict = ActivityTransitions.Check(from, Handling, TransitionCause.Manual);
        Assert.False(verdict.Allowed);
        Assert.Contains("work item", verdict.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Taking_a_work_item_moves_an_available_specialist_to_handling() =>
        Assert.True(ActivityTransitions.Check(Available, Handling, TransitionCause.WorkItemTaken).Allowed);

    [Theory]
    [InlineData(Offline)]
    [InlineData(Break)]
    [InlineData(WellnessBreak)]
    public void No_work_item_is_taken_outside_available(ActivityState from) =>
        Assert.False(ActivityTransitions.Check(from, Handling, TransitionCause.WorkItemTaken).Allowed);

    [Fact]
    public void Finishing_the_last_item_returns_the_specialist_to_available()
    {
        Assert.True(ActivityTransitions.Check(Handling, Available, TransitionCause.WorkItemsFinished).Allowed);
        Assert.False(ActivityTransitions.Check(Break, Available, TransitionCause.WorkItemsFinished).Allowed);
    }

    [Fact]
    public void Staying_in_the_same_state_is_not_a_transition() =>
        Assert.False(ActivityTransitions.Check(Available, Available, TransitionCause.Manual).Allowed);

    [Fact]
    public void Unspecified_is_not_a_state() =>
        Assert.False(ActivityTransitions.Check(Available, Unspecified, TransitionCause.Manual).Allowed);

    [Fact]
    public void Every_state_but_handling_offers_a_wellness_break_or_is_already_resting()
    {
        // Wellbeing first: from any working or meeting state a specialist can step away.
        foreach (var from in new[] { Available, Handling, Break, Meeting, OneToOne, Training })
        {
            Assert.True(ActivityTransitions.Check(from, WellnessBreak, TransitionCause.Manual).Allowed, $"{from} → WELLNESS_BREAK");
        }
    }

    [Fact]
    public void Every_state_has_a_way_back_to_available_or_offline()
    {
        foreach (var state in Enum.GetValues<ActivityState>().Where(s => s != Unspecified))
        {
            var targets = ActivityTransitions.ManualTargetsFrom(state);
            var leaves = targets.Contains(Available) || targets.Contains(Offline) ||
                state == Handling && ActivityTransitions.Check(Handling, Available, TransitionCause.WorkItemsFinished).Allowed;
            Assert.True(leaves, $"{state} is a dead end");
        }
    }
}
