using System.Collections.Immutable;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Abstractions.Wellbeing;

/// <summary>
/// A specialist's exposure as at <see cref="At"/>, per harm category, this shift, today (their
/// team's day) and over the last 7 days, items in hand counted to now (docs/WELLBEING.md, "The ledger").
/// </summary>
[GenerateSerializer, Immutable, Alias("safety.ExposureView")]
public sealed record ExposureView(
    [property: Id(0)] string SpecialistId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] DateTimeOffset? ShiftStart,
    [property: Id(3)] bool OnWellnessBreak,
    [property: Id(4)] DateTimeOffset? LastWellnessBreakEnd,
    [property: Id(5)] int ItemsInHand,
    [property: Id(6)] ImmutableDictionary<HarmCategory, ExposureAmount> ThisShift,
    [property: Id(7)] ImmutableDictionary<HarmCategory, ExposureAmount> Today,
    [property: Id(8)] ImmutableDictionary<HarmCategory, ExposureAmount> LastSevenDays)
{
    /// <summary>The specialist's exposure from their ledger, on their team's clock <paramref name="zone"/>.</summary>
    public static ExposureView Of(string specialistId, ExposureLedger ledger, DateTimeOffset? shiftStart, TimeZoneInfo zone, DateTimeOffset now)
    {
        var dayStart = Domain.Monitoring.TeamTimeZone.Midnight(zone, Domain.Monitoring.TeamTimeZone.LocalDay(zone, now));
        return new ExposureView(
            specialistId,
            now,
            shiftStart,
            ledger.OnWellnessBreak,
            ledger.LastBreakEnd(TimeSpan.Zero, now),
            ledger.InHand.Count(),
            shiftStart is { } start ? ledger.ByCategory(start, DateTimeOffset.MaxValue, now) : ImmutableDictionary<HarmCategory, ExposureAmount>.Empty,
            ledger.ByCategory(dayStart, DateTimeOffset.MaxValue, now),
            ledger.ByCategory(now - TimeSpan.FromDays(7), DateTimeOffset.MaxValue, now));
    }
}
