using System.Globalization;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Wellbeing;

/// <summary>
/// One stored row of a ledger: an entry, a wellness break, or the shift's start. The key names the
/// row and is written as the table's row key: entries and breaks sort by when they began. An
/// entry's end replaces its accept's row.
/// </summary>
public sealed record ExposureRecord(string Key, ExposureEntry? Entry, WellnessBreak? Break, DateTimeOffset? ShiftStart)
{
    /// <summary>The key of the shift's start.</summary>
    public const string ShiftKey = "shift";

    public static ExposureRecord Of(ExposureEntry entry) =>
        new($"e{Ticks(entry.Started)}_{entry.ItemId.Replace('/', '_')}", entry, null, null);

    public static ExposureRecord Of(WellnessBreak wellnessBreak) => new($"b{Ticks(wellnessBreak.Started)}", null, wellnessBreak, null);

    public static ExposureRecord Shift(DateTimeOffset start) => new(ShiftKey, null, null, start);

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
