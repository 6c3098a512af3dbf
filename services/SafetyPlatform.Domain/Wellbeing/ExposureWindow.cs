using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>
/// Running totals of a ledger's finished entries from <see cref="From"/> on, per harm category
/// and of high harm, so that reading a window costs the entries finished since it was last read,
/// not every entry kept. A finished entry never changes, so what was added stays right.
/// </summary>
internal sealed class ExposureWindow(DateTimeOffset from)
{
    private readonly Dictionary<HarmCategory, ExposureAmount> _byCategory = [];

    public DateTimeOffset From { get; } = from;

    /// <summary>How many of the ledger's finished entries, in the order they finished, are added.</summary>
    public int Added { get; private set; }

    public TimeSpan HighHarm { get; private set; }

    public IReadOnlyDictionary<HarmCategory, ExposureAmount> ByCategory => _byCategory;

    /// <summary>Adds a finished entry: its time from <see cref="From"/> to its end, and one item when it began in the window.</summary>
    public void AddFinished(ExposureEntry entry)
    {
        Add(_byCategory, entry, entry.Finished!.Value);
        if (HarmTaxonomy.IsHighHarm(entry.Severity))
        {
            HighHarm += entry.Within(From, DateTimeOffset.MaxValue, entry.Finished.Value);
        }

        Added++;
    }

    /// <summary>Adds <paramref name="entry"/>'s part of the window up to <paramref name="end"/> to <paramref name="amounts"/>.</summary>
    public void Add(Dictionary<HarmCategory, ExposureAmount> amounts, ExposureEntry entry, DateTimeOffset end)
    {
        var time = entry.Within(From, DateTimeOffset.MaxValue, end);
        var counts = entry.Started >= From;
        if (time > TimeSpan.Zero || counts)
        {
            var so = amounts.GetValueOrDefault(entry.Category, ExposureAmount.None);
            amounts[entry.Category] = new ExposureAmount(so.Items + (counts ? 1 : 0), so.Time + time,
                so.WeightedMinutes + time.TotalMinutes * HarmTaxonomy.Weight(entry.Severity));
        }
    }
}
