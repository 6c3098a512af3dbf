using System.Globalization;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Wellbeing;

/// <summary>
/// One stored row of a ledger: an entry, a wellness break, or the shift (its start and the last state seen). The key names the
/// row and is written as the table's row key: entries and breaks sort by when they began. An
/// entry's end replaces its accept's row.
/// </summary>
public sealed record ExposureRecord(string Key, ExposureEntry? Entry, WellnessBreak? Break, DateTimeOffset? ShiftStart, ActivityState? LastState = null)
{
    /// <summary>The key of the shift's start.</summary>
    public const string ShiftKey = "shift";

    public static ExposureRecord Of(ExposureEntry entry) =>
        new($"e{Ticks(entry.Started)}_{entry.ItemId.Replace('/', '_')}", entry, null, null);

    public static ExposureRecord Of(WellnessBreak wellnessBreak) => new($"b{Ticks(wellnessBreak.Started)}", null, wellnessBreak, null);

    /// <summary>When the shift began (null before one has) and the activity state the desk last saw, so that a desk coming up knows what changed while it was away.</summary>
    public static ExposureRecord Shift(DateTimeOffset? start, ActivityState lastState) => new(ShiftKey, null, null, start, lastState);

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
