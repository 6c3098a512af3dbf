using System.Collections.Immutable;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>
/// Where a specialist stands against their team's policy at one moment, read from their ledger in
/// one pass, so that routing can weigh many items against it (docs/WELLBEING.md): items in hand
/// count to their expected end, since routing must leave room for them.
/// </summary>
/// <param name="Policy">The policy in force for the items weighed (the team's, or a queue's override).</param>
/// <param name="Personal">The specialist's opt-outs and restrictions.</param>
/// <param name="Zone">The team's clock: days start at its midnight.</param>
/// <param name="Now">The moment the standing was read.</param>
/// <param name="ShiftStart">When the specialist's shift began.</param>
/// <param name="ShiftEnd">When it ends, when a schedule says; null otherwise.</param>
/// <param name="HighHarmSinceBreak">High-harm handling since the last wellness break that counts (or the shift's start).</param>
/// <param name="HighHarmToday">High-harm handling since local midnight.</param>
/// <param name="Today">Per harm category since local midnight.</param>
/// <param name="ThisShift">Per harm category since the shift's start.</param>
/// <param name="CoolingUntil">The end of the cool-down after the last Critical item (<see cref="DateTimeOffset.MaxValue"/> while one is in hand); null when none.</param>
/// <param name="HighHarmInARow">High-harm items at the end of the run since the last wellness break that counts.</param>
/// <param name="MicroBreakUntil">The end of the micro-break due after a full batch of harmful items back to back; null when none is due.</param>
public sealed record WellbeingStanding(
    WellbeingPolicy Policy,
    PersonalLimits Personal,
    TimeZoneInfo Zone,
    DateTimeOffset Now,
    DateTimeOffset ShiftStart,
    DateTimeOffset? ShiftEnd,
    TimeSpan HighHarmSinceBreak,
    TimeSpan HighHarmToday,
    ImmutableDictionary<HarmCategory, ExposureAmount> Today,
    ImmutableDictionary<HarmCategory, ExposureAmount> ThisShift,
    DateTimeOffset? CoolingUntil,
    int HighHarmInARow,
    DateTimeOffset? MicroBreakUntil)
{
    /// <summary>Today's high-harm cut-off as an instant on the team's clock; null when the policy has none.</summary>
    public DateTimeOffset? CutOff => Policy.HighHarmCutOff is { } time ? Local(TeamTimeZone.LocalDay(Zone, Now).ToDateTime(time)) : null;

    /// <summary>Exposure to <paramref name="category"/> since local midnight.</summary>
    public ExposureAmount TodayIn(HarmCategory category) => Today.GetValueOrDefault(category, ExposureAmount.None);

    /// <summary>Exposure to <paramref name="category"/> since the shift's start.</summary>
    public ExposureAmount ThisShiftIn(HarmCategory category) => ThisShift.GetValueOrDefault(category, ExposureAmount.None);

    /// <summary>Reads the specialist's standing from their ledger at <paramref name="now"/>.</summary>
    public static WellbeingStanding Of(WellbeingPolicy policy, ExposureLedger ledger, PersonalLimits personal, TimeZoneInfo zone,
        DateTimeOffset shiftStart, DateTimeOffset? shiftEnd, DateTimeOffset now)
    {
        var dayStart = TeamTimeZone.Midnight(zone, TeamTimeZone.LocalDay(zone, now));
        var lastBreak = ledger.LastBreakEnd(policy.WellnessBreak, now);
        var continuousSince = lastBreak is { } breakEnd && breakEnd > shiftStart ? breakEnd : shiftStart;
        var today = new Dictionary<HarmCategory, ExposureAmount>();
        var thisShift = new Dictionary<HarmCategory, ExposureAmount>();
        var highHarmSinceBreak = TimeSpan.Zero;
        var highHarmToday = TimeSpan.Zero;
        DateTimeOffset? coolingUntil = null;
        foreach (var entry in ledger.Entries)
        {
            var end = entry.ExpectedEnd(now);
            if (entry.Severity == HarmSeverity.Critical)
            {
                var cooled = entry.Finished is { } finished ? finished + policy.CoolDown : DateTimeOffset.MaxValue;
                coolingUntil = coolingUntil is { } known && known > cooled ? known : cooled;
            }

            if (end <= dayStart && end <= shiftStart)
            {
                continue;
            }

            Add(today, entry, dayStart, end);
            Add(thisShift, entry, shiftStart, end);
            if (HarmTaxonomy.IsHighHarm(entry.Severity))
            {
                highHarmSinceBreak += entry.Within(continuousSince, DateTimeOffset.MaxValue, end);
                highHarmToday += entry.Within(dayStart, DateTimeOffset.MaxValue, end);
            }
        }

        return new WellbeingStanding(policy, personal, zone, now, shiftStart, shiftEnd, highHarmSinceBreak, highHarmToday,
            today.ToImmutableDictionary(), thisShift.ToImmutableDictionary(), coolingUntil,
            RunOfHighHarm(ledger, lastBreak ?? DateTimeOffset.MinValue), MicroBreakDue(policy, ledger, now));
    }

    private static void Add(Dictionary<HarmCategory, ExposureAmount> amounts, ExposureEntry entry, DateTimeOffset from, DateTimeOffset end)
    {
        var time = entry.Within(from, DateTimeOffset.MaxValue, end);
        var counts = entry.Started >= from;
        if (time > TimeSpan.Zero || counts)
        {
            var so = amounts.GetValueOrDefault(entry.Category, ExposureAmount.None);
            amounts[entry.Category] = new ExposureAmount(so.Items + (counts ? 1 : 0), so.Time + time,
                so.WeightedMinutes + time.TotalMinutes * HarmTaxonomy.Weight(entry.Severity));
        }
    }

    private static int RunOfHighHarm(ExposureLedger ledger, DateTimeOffset since)
    {
        var run = 0;
        for (var i = ledger.Entries.Count - 1; i >= 0 && ledger.Entries[i].Started >= since && HarmTaxonomy.IsHighHarm(ledger.Entries[i].Severity); i--)
        {
            run++;
        }

        return run;
    }

    /// <summary>
    /// The batch is the harmful items at the end of the ledger taken with gaps shorter than a
    /// micro-break (a gap: from the latest end of the harmful items before to the next accept).
    /// When it is full, the micro-break runs from the end of all harmful exposure.
    /// </summary>
    private static DateTimeOffset? MicroBreakDue(WellbeingPolicy policy, ExposureLedger ledger, DateTimeOffset now)
    {
        var harmful = ledger.Entries.Where(e => HarmTaxonomy.IsHarmful(e.Severity)).ToList();
        if (harmful.Count < policy.MicroBreakAfter)
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

    private DateTimeOffset Local(DateTime local) => new(local, Zone.IsInvalidTime(local) ? Zone.GetUtcOffset(local.AddHours(1)) : Zone.GetUtcOffset(local));
}
