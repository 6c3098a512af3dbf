using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Domain.Tests;

/// <summary>
/// A specialist's standing recounted the slow way, from every entry of their ledger, to check the
/// ledger's running totals against: what <see cref="WellbeingStanding.Of"/> reads in the cost of
/// what changed must equal this.
/// </summary>
internal static class StandingRecount
{
    public static void Check(WellbeingStanding standing, ExposureLedger ledger)
    {
        var (policy, now, shiftStart) = (standing.Policy, standing.Now, standing.ShiftStart);
        var dayStart = TeamTimeZone.Midnight(standing.Zone, TeamTimeZone.LocalDay(standing.Zone, now));
        var lastBreak = ledger.LastBreakEnd(policy.WellnessBreak, now);
        var continuousSince = lastBreak is { } breakEnd && breakEnd > shiftStart ? breakEnd : shiftStart;
        var highHarm = ledger.Entries.Where(e => HarmTaxonomy.IsHighHarm(e.Severity)).ToList();
        Same(Sum(highHarm, continuousSince, now), standing.HighHarmSinceBreak, "high harm since the break");
        Same(Sum(highHarm, dayStart, now), standing.HighHarmToday, "high harm today");
        foreach (var category in Enum.GetValues<HarmCategory>())
        {
            Same(Amount(ledger, category, dayStart, now), standing.TodayIn(category), $"{category} today");
            Same(Amount(ledger, category, shiftStart, now), standing.ThisShiftIn(category), $"{category} this shift");
        }

        CheckRuleParts(standing, ledger, lastBreak);
    }

    /// <summary>
    /// A queue's standing under its override: the same exposure as the team's (the same totals,
    /// not read again), and the parts the override's rules change recounted.
    /// </summary>
    public static void CheckQueue(WellbeingStanding team, WellbeingStanding forQueue, ExposureLedger ledger)
    {
        Same(true, ReferenceEquals(team.Today, forQueue.Today) && ReferenceEquals(team.ThisShift, forQueue.ThisShift), "the same totals as the team's");
        Same(team.HighHarmSinceBreak, forQueue.HighHarmSinceBreak, "high harm since the break");
        Same(team.HighHarmToday, forQueue.HighHarmToday, "high harm today");
        CheckRuleParts(forQueue, ledger, ledger.LastBreakEnd(forQueue.Policy.WellnessBreak, forQueue.Now));
    }

    private static void CheckRuleParts(WellbeingStanding standing, ExposureLedger ledger, DateTimeOffset? lastBreak)
    {
        var (policy, now) = (standing.Policy, standing.Now);
        var critical = ledger.Entries.Where(e => e.Severity == HarmSeverity.Critical).ToList();
        DateTimeOffset? cooling = critical.Count == 0 ? null
            : critical.Any(e => e.Finished is null) ? DateTimeOffset.MaxValue
            : critical.Max(e => e.Finished!.Value) + policy.CoolDown;
        Same(cooling, standing.CoolingUntil, "cool-down");
        var run = 0;
        for (var i = ledger.Entries.Count - 1; i >= 0 && ledger.Entries[i].Started >= (lastBreak ?? DateTimeOffset.MinValue) && HarmTaxonomy.IsHighHarm(ledger.Entries[i].Severity); i--)
        {
            run++;
        }

        Same(Math.Min(run, policy.MaxConsecutiveHighHarm), standing.HighHarmInARow, "high-harm items in a row");
        Same(MicroBreakDue(policy, ledger, now), standing.MicroBreakUntil, "micro-break");
    }

    private static TimeSpan Sum(IEnumerable<ExposureEntry> entries, DateTimeOffset from, DateTimeOffset now) =>
        entries.Aggregate(TimeSpan.Zero, (sum, e) => sum + e.Within(from, DateTimeOffset.MaxValue, e.ExpectedEnd(now)));

    private static ExposureAmount Amount(ExposureLedger ledger, HarmCategory category, DateTimeOffset from, DateTimeOffset now) =>
        ledger.Within(from, DateTimeOffset.MaxValue, now, e => e.Category == category, expected: true);

    /// <summary>Every harmful item's latest end so far, then the batch counted back from the newest.</summary>
    private static DateTimeOffset? MicroBreakDue(WellbeingPolicy policy, ExposureLedger ledger, DateTimeOffset now)
    {
        var harmful = ledger.Entries.Where(e => HarmTaxonomy.IsHarmful(e.Severity)).ToList();
        if (harmful.Count < policy.MicroBreakAfter || policy.MicroBreak <= TimeSpan.Zero)
        {
            return null;
        }

        var latestEnds = new DateTimeOffset[harmful.Count];
        for (var i = 0; i < harmful.Count; i++)
        {
            var end = harmful[i].EndOr(now);
            latestEnds[i] = i > 0 && latestEnds[i - 1] > end ? latestEnds[i - 1] : end;
        }

        var batch = 1;
        for (var i = harmful.Count - 1; i > 0 && batch < policy.MicroBreakAfter && harmful[i].Started - latestEnds[i - 1] < policy.MicroBreak; i--)
        {
            batch++;
        }

        return batch >= policy.MicroBreakAfter ? latestEnds[^1] + policy.MicroBreak : null;
    }

    private static void Same(ExposureAmount expected, ExposureAmount actual, string what)
    {
        Same(expected.Items, actual.Items, what + " items");
        Same(expected.Time, actual.Time, what + " time");
        if (Math.Abs(expected.WeightedMinutes - actual.WeightedMinutes) > 1e-6)
        {
            throw new InvalidOperationException($"{what} weighted: recounted {expected.WeightedMinutes}, read {actual.WeightedMinutes}");
        }
    }

    private static void Same<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new InvalidOperationException($"{what}: recounted {expected}, read {actual}");
        }
    }
}
