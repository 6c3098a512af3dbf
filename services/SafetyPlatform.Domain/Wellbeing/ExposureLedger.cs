using System.Collections.Immutable;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>
/// A specialist's exposure to harmful content (docs/WELLBEING.md, "The ledger"): every item they
/// accepted in the last <see cref="Kept"/>, from accept to finish (completed, released,
/// escalated or transferred: exposure ends either way), and their wellness breaks. Every total
/// is a sum over these entries, an item in hand counting up to now, so the ledger is exact by
/// construction. An item's minutes count in the window they fall in (an item across midnight
/// counts in both days); an item counts as one item in the window it was accepted in.
/// </summary>
public sealed class ExposureLedger
{
    /// <summary>How long entries are kept: the rolling 7 days, and a day to spare for a day that began before them.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(8);

    private readonly List<ExposureEntry> _entries;
    private readonly List<WellnessBreak> _breaks;

    public ExposureLedger(IEnumerable<ExposureEntry>? entries = null, IEnumerable<WellnessBreak>? breaks = null)
    {
        _entries = [.. (entries ?? []).OrderBy(e => e.Started)];
        _breaks = [.. (breaks ?? []).OrderBy(b => b.Started)];
    }

    /// <summary>Every entry, oldest accept first.</summary>
    public IReadOnlyList<ExposureEntry> Entries => _entries;

    /// <summary>Every wellness break, oldest first.</summary>
    public IReadOnlyList<WellnessBreak> Breaks => _breaks;

    /// <summary>Items in hand now.</summary>
    public IEnumerable<ExposureEntry> InHand => _entries.Where(e => e.Finished is null);

    /// <summary>Whether the specialist is on a wellness break now.</summary>
    public bool OnWellnessBreak => _breaks.Count > 0 && _breaks[^1].Ended is null;

    /// <summary>
    /// The specialist accepted an item. The same accept told twice, or an accept of an item
    /// already in hand, changes nothing; an item accepted again after it left their hands is a new entry.
    /// </summary>
    public void Accepted(string itemId, HarmCategory category, HarmSeverity severity, TimeSpan expected, DateTimeOffset at)
    {
        if (_entries.Any(e => e.ItemId == itemId && (e.Finished is null || e.Started == at)))
        {
            return;
        }

        var entry = new ExposureEntry(itemId, category, severity, at, null, expected);
        var index = _entries.FindLastIndex(e => e.Started <= at) + 1;
        _entries.Insert(index, entry);
    }

    /// <summary>The item left their hands (completed, released, escalated, transferred); an unknown or finished item changes nothing.</summary>
    public void Finished(string itemId, DateTimeOffset at)
    {
        var index = _entries.FindIndex(e => e.ItemId == itemId && e.Finished is null);
        if (index >= 0)
        {
            var entry = _entries[index];
            _entries[index] = entry with { Finished = at > entry.Started ? at : entry.Started };
        }
    }

    /// <summary>A wellness break began (already on one: nothing changes).</summary>
    public void BreakStarted(DateTimeOffset at)
    {
        if (!OnWellnessBreak)
        {
            _breaks.Add(new WellnessBreak(at, null));
        }
    }

    /// <summary>The wellness break ended (none under way: nothing changes).</summary>
    public void BreakEnded(DateTimeOffset at)
    {
        if (OnWellnessBreak)
        {
            _breaks[^1] = _breaks[^1] with { Ended = at };
        }
    }

    /// <summary>Drops what ended before <paramref name="now"/> − <see cref="Kept"/>.</summary>
    public void Forget(DateTimeOffset now)
    {
        var before = now - Kept;
        _entries.RemoveAll(e => e.Finished is { } end && end < before);
        _breaks.RemoveAll(b => b.Ended is { } end && end < before);
    }

    /// <summary>
    /// Exposure to the items that match <paramref name="which"/> within [<paramref name="from"/>,
    /// <paramref name="to"/>), as at <paramref name="now"/>: items in hand count to now, or, when
    /// <paramref name="expected"/>, to when they are expected to end (what routing must leave room for).
    /// </summary>
    public ExposureAmount Within(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, Func<ExposureEntry, bool> which, bool expected = false)
    {
        var items = 0;
        var time = TimeSpan.Zero;
        var weighted = 0.0;
        foreach (var entry in _entries.Where(which))
        {
            if (entry.Started >= from && entry.Started < to)
            {
                items++;
            }

            var part = entry.Within(from, to, expected ? entry.ExpectedEnd(now) : entry.EndOr(now));
            time += part;
            weighted += part.TotalMinutes * HarmTaxonomy.Weight(entry.Severity);
        }

        return new ExposureAmount(items, time, weighted);
    }

    /// <summary>Exposure per harm category within [<paramref name="from"/>, <paramref name="to"/>), as at <paramref name="now"/>; categories with nothing are left out.</summary>
    public ImmutableDictionary<HarmCategory, ExposureAmount> ByCategory(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var amounts = new Dictionary<HarmCategory, ExposureAmount>();
        foreach (var entry in _entries)
        {
            var counts = entry.Started >= from && entry.Started < to;
            var part = entry.Within(from, to, entry.EndOr(now));
            if (counts || part > TimeSpan.Zero)
            {
                var so = amounts.GetValueOrDefault(entry.Category, ExposureAmount.None);
                amounts[entry.Category] = new ExposureAmount(so.Items + (counts ? 1 : 0), so.Time + part, so.WeightedMinutes + part.TotalMinutes * HarmTaxonomy.Weight(entry.Severity));
            }
        }

        return amounts.ToImmutableDictionary();
    }

    /// <summary>When the last wellness break of at least <paramref name="length"/> ended; null when none has.</summary>
    public DateTimeOffset? LastBreakEnd(TimeSpan length, DateTimeOffset now) =>
        _breaks.LastOrDefault(b => b.Ended is not null && b.Length(now) >= length)?.Ended;
}
