using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>
/// "May this specialist be offered this item now, as far as their wellbeing goes?": the policy in
/// force for the item's queue, their ledger and personal limits, their team's clock, their shift
/// (its start; its end when a schedule says) and the item.
/// </summary>
public sealed record WellbeingQuestion(
    WellbeingPolicy Policy,
    ExposureLedger Ledger,
    PersonalLimits Personal,
    TimeZoneInfo Zone,
    DateTimeOffset ShiftStart,
    DateTimeOffset? ShiftEnd,
    DateTimeOffset Now,
    ItemExposure Item)
{
    /// <summary>Local midnight that began today on the team's clock.</summary>
    public DateTimeOffset DayStart => TeamTimeZone.Midnight(Zone, TeamTimeZone.LocalDay(Zone, Now));

    /// <summary>When the item would be finished if it takes its expected handle time.</summary>
    public DateTimeOffset ExpectedEnd => Now + Item.ExpectedHandleTime;

    /// <summary>Today's high-harm cut-off as an instant on the team's clock; null when the policy has none.</summary>
    public DateTimeOffset? CutOff => Policy.HighHarmCutOff is { } time
        ? At(TeamTimeZone.LocalDay(Zone, Now).ToDateTime(time))
        : null;

    /// <summary>Where continuous high-harm exposure is counted from: the end of the last wellness break that counts, or the shift's start.</summary>
    public DateTimeOffset ContinuousSince => Ledger.LastBreakEnd(Policy.WellnessBreak, Now) is { } end && end > ShiftStart ? end : ShiftStart;

    /// <summary>Exposure since <paramref name="from"/> to the items that match <paramref name="which"/>, items in hand counted to their expected end.</summary>
    public ExposureAmount Since(DateTimeOffset from, Func<ExposureEntry, bool> which) => Ledger.Within(from, DateTimeOffset.MaxValue, Now, which, expected: true);

    private DateTimeOffset At(DateTime local) => new(local, Zone.IsInvalidTime(local) ? Zone.GetUtcOffset(local.AddHours(1)) : Zone.GetUtcOffset(local));
}
