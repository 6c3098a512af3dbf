using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>
/// When a specialist's wellbeing calls for their lead's attention (docs/WELLBEING.md, "Alerts"):
/// - near limit: at least <see cref="NearLimit"/> of a budget or of the rotation limit used;
/// - limit reached: all of one used;
/// - wellness break due: high-harm work since the last break leaves less than an item's expected
///   handle time before the limit, so routing holds high-harm items back (not while on one);
/// - wellness break overdue: due for longer than a wellness break lasts, and not taken;
/// - cut-off reached with items held: past the day's high-harm cut-off with a high-harm item in hand.
/// </summary>
public static class WellbeingAlertRules
{
    public const double NearLimit = 0.8;

    /// <summary>Every limit of the policy that applies to the specialist now, with how much of it they used (items in hand to their expected end).</summary>
    public static IReadOnlyList<LimitUse> Uses(WellbeingStanding standing)
    {
        var uses = new List<LimitUse>();
        foreach (var (category, budget) in standing.Policy.Budgets.OrderBy(b => b.Key))
        {
            var (today, shift) = (standing.TodayIn(category), standing.ThisShiftIn(category));
            Add(uses, $"{category} minutes today", today.Time.TotalMinutes, budget.TimePerDay?.TotalMinutes);
            Add(uses, $"{category} items today", today.Items, budget.ItemsPerDay);
            Add(uses, $"{category} minutes this shift", shift.Time.TotalMinutes, budget.TimePerShift?.TotalMinutes);
            Add(uses, $"{category} items this shift", shift.Items, budget.ItemsPerShift);
        }

        Add(uses, "high-harm minutes today (rotation)", standing.HighHarmToday.TotalMinutes, standing.Policy.RotationAfter.TotalMinutes);
        return uses;
    }

    /// <summary>Whether a wellness break is due: not on one, and the next high-harm item of <paramref name="expectedHandleTime"/> would pass the limit.</summary>
    public static bool BreakDue(WellbeingStanding standing, TimeSpan expectedHandleTime, bool onWellnessBreak) =>
        !onWellnessBreak && standing.HighHarmSinceBreak + expectedHandleTime > standing.Policy.WellnessBreakAfter;

    /// <summary>The conditions that hold for the specialist named <paramref name="subject"/>.</summary>
    /// <param name="subject">`specialists/{specialist}`.</param>
    /// <param name="standing">Where they stand against their team's policy now.</param>
    /// <param name="expectedHandleTime">The shortest expected handle time of the queues they serve.</param>
    /// <param name="onWellnessBreak">Whether they are on a wellness break now.</param>
    /// <param name="breakDueSince">Since when a wellness break has been due; null when none is.</param>
    /// <param name="highHarmInHand">High-harm items in their hands now.</param>
    public static IReadOnlyList<AlertCondition> Evaluate(string subject, WellbeingStanding standing, TimeSpan expectedHandleTime,
        bool onWellnessBreak, DateTimeOffset? breakDueSince, int highHarmInHand)
    {
        var holding = new List<AlertCondition>();
        var most = Uses(standing).MaxBy(u => u.Share);
        if (most is { Share: >= 1 })
        {
            holding.Add(new AlertCondition(AlertKind.ExposureLimitReached, subject, Percent(most), 100,
                $"{subject} has used all of {most.Limit}: {most.Used:0.#} of {most.Allowed:0.#}"));
        }
        else if (most is { Share: >= NearLimit })
        {
            holding.Add(new AlertCondition(AlertKind.ExposureNearLimit, subject, Percent(most), NearLimit * 100,
                $"{subject} has used {Percent(most):0} % of {most.Limit}: {most.Used:0.#} of {most.Allowed:0.#}"));
        }

        var now = standing.Now;
        if (onWellnessBreak)
        {
            // Being taken: neither due nor overdue.
        }
        else if (breakDueSince is { } due && now - due >= standing.Policy.WellnessBreak)
        {
            holding.Add(new AlertCondition(AlertKind.WellnessBreakOverdue, subject, Math.Round((now - due).TotalMinutes, 1), standing.Policy.WellnessBreak.TotalMinutes,
                $"{subject}'s wellness break has been due for {(now - due).TotalMinutes:0.#} minutes"));
        }
        else if (BreakDue(standing, expectedHandleTime, onWellnessBreak))
        {
            holding.Add(new AlertCondition(AlertKind.WellnessBreakDue, subject, Math.Round(standing.HighHarmSinceBreak.TotalMinutes, 1), standing.Policy.WellnessBreakAfter.TotalMinutes,
                $"{subject} has done {standing.HighHarmSinceBreak.TotalMinutes:0.#} minutes of high-harm work since the last wellness break"));
        }

        if (highHarmInHand > 0 && standing.CutOff is { } cutOff && now >= cutOff)
        {
            holding.Add(new AlertCondition(AlertKind.CutOffWithItemsHeld, subject, highHarmInHand, 0,
                $"{subject} holds {highHarmInHand} high-harm items past the {standing.Policy.HighHarmCutOff:HH\\:mm} cut-off"));
        }

        return holding;
    }

    private static double Percent(LimitUse use) => Math.Round(use.Share * 100, 1);

    private static void Add(List<LimitUse> uses, string limit, double used, double? allowed)
    {
        if (allowed is { } max)
        {
            uses.Add(new LimitUse(limit, used, max));
        }
    }
}
