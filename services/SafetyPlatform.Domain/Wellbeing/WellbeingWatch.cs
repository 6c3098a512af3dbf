using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>
/// Follows one specialist's wellbeing from one check to the next (docs/WELLBEING.md, "Alerts"):
/// since when a wellness break has been due, and whether their lead's alert feed needs to hear
/// of it. While something held in the last two <see cref="AlertBook.ClearAfter"/> the feed hears
/// every check, even when nothing holds, so it learns that the condition ended.
/// </summary>
public sealed class WellbeingWatch
{
    private DateTimeOffset _heldAt = DateTimeOffset.MinValue;

    /// <summary>Since when a wellness break has been due, as last checked; null when none was.</summary>
    public DateTimeOffset? BreakDueSince { get; private set; }

    /// <summary>Since when a break is due as the specialist stands now (a newly due one from now); null when none is. Changes nothing.</summary>
    public DateTimeOffset? DueSince(WellbeingStanding standing, TimeSpan expectedHandleTime, bool onWellnessBreak) =>
        WellbeingAlertRules.BreakDue(standing, expectedHandleTime, onWellnessBreak) ? BreakDueSince ?? standing.Now : null;

    /// <summary>
    /// A check: what holds for the specialist named <paramref name="subject"/>
    /// (<see cref="WellbeingAlertRules.Evaluate"/>), or null when nothing held lately and the feed
    /// need not be told.
    /// </summary>
    public IReadOnlyList<AlertCondition>? Check(string subject, WellbeingStanding standing, TimeSpan expectedHandleTime, bool onWellnessBreak, int highHarmInHand)
    {
        BreakDueSince = DueSince(standing, expectedHandleTime, onWellnessBreak);
        var holding = WellbeingAlertRules.Evaluate(subject, standing, expectedHandleTime, onWellnessBreak, BreakDueSince, highHarmInHand);
        if (holding.Count > 0)
        {
            _heldAt = standing.Now;
        }
        else if (standing.Now - _heldAt > AlertBook.ClearAfter * 2)
        {
            return null;
        }

        return holding;
    }
}
