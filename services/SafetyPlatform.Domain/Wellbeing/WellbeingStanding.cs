using System.Collections.Immutable;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>
/// Where a specialist stands against their team's policy at one moment, read from their ledger, so that routing can weigh many items against it (docs/WELLBEING.md): items in hand
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
/// <param name="HighHarmInARow">High-harm items at the end of the run since the last wellness break that counts, counted up to the policy's most in a row.</param>
/// <param name="MicroBreakUntil">The end of the micro-break due after a full batch of harmful items back to back; null when none is due.</param>
/// <param name="QueueStandings">Where they stand against the rules of each queue with an override (<see cref="For"/>), by queue id; null when the policy has none.</param>
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
    DateTimeOffset? MicroBreakUntil,
    ImmutableDictionary<string, WellbeingStanding>? QueueStandings = null)
{
    /// <summary>Where they stand against the rules in force for the items of <paramref name="queueId"/>: the queue's override's, else the team's.</summary>
    public WellbeingStanding For(string queueId) =>
        QueueStandings is { } standings && standings.TryGetValue(queueId, out var standing) ? standing : this;

    /// <summary>Today's high-harm cut-off as an instant on the team's clock; null when the policy has none.</summary>
    public DateTimeOffset? CutOff => Policy.HighHarmCutOff is { } time ? Local(TeamTimeZone.LocalDay(Zone, Now).ToDateTime(time)) : null;

    /// <summary>Exposure to <paramref name="category"/> since local midnight.</summary>
    public ExposureAmount TodayIn(HarmCategory category) => Today.GetValueOrDefault(category, ExposureAmount.None);

    /// <summary>Exposure to <paramref name="category"/> since the shift's start.</summary>
    public ExposureAmount ThisShiftIn(HarmCategory category) => ThisShift.GetValueOrDefault(category, ExposureAmount.None);

    /// <summary>
    /// Reads the specialist's standing from their ledger at <paramref name="now"/>: a cost of what
    /// changed in the ledger since the last read, not of everything in it.
    /// </summary>
    public static WellbeingStanding Of(WellbeingPolicy policy, ExposureLedger ledger, PersonalLimits personal, TimeZoneInfo zone,
        DateTimeOffset shiftStart, DateTimeOffset? shiftEnd, DateTimeOffset now)
    {
        var dayStart = TeamTimeZone.Midnight(zone, TeamTimeZone.LocalDay(zone, now));
        var lastBreak = ledger.LastBreakEnd(policy.WellnessBreak, now);
        var continuousSince = lastBreak is { } breakEnd && breakEnd > shiftStart ? breakEnd : shiftStart;
        var today = ledger.Since(dayStart, now, expected: true);
        var thisShift = ledger.Since(shiftStart, now, expected: true);
        var sinceBreak = continuousSince == shiftStart ? thisShift : ledger.Since(continuousSince, now, expected: true);
        var team = new WellbeingStanding(policy, personal, zone, now, shiftStart, shiftEnd, sinceBreak.HighHarm, today.HighHarm,
            today.ByCategory, thisShift.ByCategory, null, 0, null).Under(policy, ledger, lastBreak);
        return policy.Overrides.IsEmpty ? team : team with
        {
            QueueStandings = policy.Overrides.ToImmutableDictionary(o => o.Key, o => team.Under(o.Value.Over(policy), ledger, lastBreak), StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// The same exposure weighed against <paramref name="policy"/>: only the parts a queue's
    /// override can change are read again (the wellness break's length, and so the last break that
    /// counts, is the team's alone).
    /// </summary>
    private WellbeingStanding Under(WellbeingPolicy policy, ExposureLedger ledger, DateTimeOffset? lastBreak) => this with
    {
        Policy = policy,
        CoolingUntil = ledger.LastCriticalEnd is { } criticalEnd
            ? criticalEnd == DateTimeOffset.MaxValue || DateTimeOffset.MaxValue - criticalEnd <= policy.CoolDown ? DateTimeOffset.MaxValue : criticalEnd + policy.CoolDown
            : null,
        HighHarmInARow = ledger.HighHarmInARow(lastBreak ?? DateTimeOffset.MinValue, Math.Max(policy.MaxConsecutiveHighHarm, 0)),
        MicroBreakUntil = ledger.MicroBreakDue(policy.MicroBreakAfter, policy.MicroBreak, Now),
        QueueStandings = null,
    };

    private DateTimeOffset Local(DateTime local) => new(local, Zone.IsInvalidTime(local) ? Zone.GetUtcOffset(local.AddHours(1)) : Zone.GetUtcOffset(local));
}
