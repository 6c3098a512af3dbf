using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Wellbeing;

/// <summary>A specialist's exposure ledger as stored: its entries and wellness breaks, when their shift began and the activity state last seen (null before any).</summary>
public sealed record StoredExposure(IReadOnlyList<ExposureEntry> Entries, IReadOnlyList<WellnessBreak> Breaks, DateTimeOffset? ShiftStart, ActivityState? LastState)
{
    public static StoredExposure Empty { get; } = new([], [], null, null);

    /// <summary>The ledger from its stored rows (an entry given twice: the finished copy stands).</summary>
    public static StoredExposure Of(IEnumerable<ExposureRecord> records)
    {
        var entries = new Dictionary<(string ItemId, DateTimeOffset Started), ExposureEntry>();
        var breaks = new List<WellnessBreak>();
        DateTimeOffset? shiftStart = null;
        ActivityState? lastState = null;
        foreach (var record in records)
        {
            if (record.Entry is { } entry)
            {
                var key = (entry.ItemId, entry.Started);
                if (entry.Finished is not null || !entries.ContainsKey(key))
                {
                    entries[key] = entry;
                }
            }
            else if (record.Break is { } wellnessBreak)
            {
                breaks.Add(wellnessBreak);
            }
            else
            {
                (shiftStart, lastState) = (record.ShiftStart, record.LastState);
            }
        }

        return new StoredExposure([.. entries.Values], breaks, shiftStart, lastState);
    }
}
