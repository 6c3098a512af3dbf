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
/// <para>
/// Routing reads it on every request, so the reads it makes cost what changed, not what is
/// kept: windows it reads again keep running totals of the finished entries (<see cref="Since"/>),
/// and the runs it looks at are read back from the newest entry.
/// </para>
/// </summary>
public sealed class ExposureLedger
{
    /// <summary>How long entries are kept: the rolling 7 days, and a day to spare for a day that began before them.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(8);

    private const int WindowsKept = 8;

    private readonly List<ExposureEntry> _entries;
    private readonly List<WellnessBreak> _breaks;
    private readonly Dictionary<string, ExposureEntry> _inHand = new(StringComparer.Ordinal);
    private readonly HashSet<(string ItemId, DateTimeOffset Started)> _known = [];
    private readonly List<ExposureEntry> _finishedInOrder = [];
    private readonly Dictionary<DateTimeOffset, ExposureWindow> _windows = [];
    private DateTimeOffset? _lastCriticalEnd;
    private TimeSpan _longestHarmful;

    public ExposureLedger(IEnumerable<ExposureEntry>? entries = null, IEnumerable<WellnessBreak>? breaks = null)
    {
        _entries = [.. (entries ?? []).OrderBy(e => e.Started)];
        _breaks = [.. (breaks ?? []).OrderBy(b => b.Started)];
        Reindex();
    }

    /// <summary>Every entry, oldest accept first.</summary>
    public IReadOnlyList<ExposureEntry> Entries => _entries;

    /// <summary>Every wellness break, oldest first.</summary>
    public IReadOnlyList<WellnessBreak> Breaks => _breaks;

    /// <summary>Items in hand now.</summary>
    public IEnumerable<ExposureEntry> InHand => _inHand.Values;

    /// <summary>How many items are in hand now.</summary>
    public int InHandCount => _inHand.Count;

    /// <summary>Whether the specialist is on a wellness break now.</summary>
    public bool OnWellnessBreak => _breaks.Count > 0 && _breaks[^1].Ended is null;

    /// <summary>When the last Critical item ended (<see cref="DateTimeOffset.MaxValue"/> while one is in hand); null when none did.</summary>
    public DateTimeOffset? LastCriticalEnd =>
        _inHand.Values.Any(e => e.Severity == HarmSeverity.Critical) ? DateTimeOffset.MaxValue : _lastCriticalEnd;

    /// <summary>
    /// The specialist accepted an item. The same accept told twice, or an accept of an item
    /// already in hand, changes nothing; an item accepted again after it left their hands is a new entry.
    /// </summary>
    /// <returns>The new entry; null when nothing changed.</returns>
    public ExposureEntry? Accepted(string itemId, HarmCategory category, HarmSeverity severity, TimeSpan expected, DateTimeOffset at)
    {
        if (_inHand.ContainsKey(itemId) || !_known.Add((itemId, at)))
        {
            return null;
        }

        var entry = new ExposureEntry(itemId, category, severity, at, null, expected);
        var index = _entries.FindLastIndex(e => e.Started <= at) + 1;
        _entries.Insert(index, entry);
        _inHand[itemId] = entry;
        return entry;
    }

    /// <summary>The item left their hands (completed, released, escalated, transferred); an unknown or finished item changes nothing.</summary>
    /// <returns>The finished entry; null when nothing changed.</returns>
    public ExposureEntry? Finished(string itemId, DateTimeOffset at)
    {
        if (!_inHand.Remove(itemId, out var inHand))
        {
            return null;
        }

        var index = _entries.FindLastIndex(e => ReferenceEquals(e, inHand));
        var finished = inHand with { Finished = at > inHand.Started ? at : inHand.Started };
        _entries[index] = finished;
        NoteFinished(finished);
        return finished;
    }

    /// <summary>
    /// Takes back an item in hand that never was (an accept held in the ledger while it was being
    /// made, which failed or is replaced by the accept as made); unknown or finished: nothing changes.
    /// </summary>
    public void Withdraw(string itemId)
    {
        if (_inHand.Remove(itemId, out var inHand))
        {
            _entries.RemoveAt(_entries.FindLastIndex(e => ReferenceEquals(e, inHand)));
            _known.Remove((inHand.ItemId, inHand.Started));
        }
    }

    /// <summary>A wellness break began (already on one: nothing changes).</summary>
    /// <returns>The new break; null when nothing changed.</returns>
    public WellnessBreak? BreakStarted(DateTimeOffset at)
    {
        if (OnWellnessBreak)
        {
            return null;
        }

        _breaks.Add(new WellnessBreak(at, null));
        return _breaks[^1];
    }

    /// <summary>The wellness break ended (none under way: nothing changes).</summary>
    /// <returns>The ended break; null when nothing changed.</returns>
    public WellnessBreak? BreakEnded(DateTimeOffset at)
    {
        if (!OnWellnessBreak)
        {
            return null;
        }

        _breaks[^1] = _breaks[^1] with { Ended = at > _breaks[^1].Started ? at : _breaks[^1].Started };
        return _breaks[^1];
    }

    /// <summary>Drops what ended before <paramref name="now"/> − <see cref="Kept"/>.</summary>
    public void Forget(DateTimeOffset now)
    {
        var before = now - Kept;
        if (_entries.RemoveAll(e => e.Finished is { } end && end < before) > 0)
        {
            Reindex();
        }

        _breaks.RemoveAll(b => b.Ended is { } end && end < before);
    }

    /// <summary>
    /// Exposure from <paramref name="from"/> on, as at <paramref name="now"/>: items in hand count
    /// to now, or, when <paramref name="expected"/>, to when they are expected to end (what
    /// routing must leave room for). Costs the entries finished since the same window was last read.
    /// </summary>
    public ExposureTotals Since(DateTimeOffset from, DateTimeOffset now, bool expected)
    {
        var window = Window(from);
        for (var i = window.Added; i < _finishedInOrder.Count; i++)
        {
            window.AddFinished(_finishedInOrder[i]);
        }

        if (_inHand.Count == 0)
        {
            return new ExposureTotals(window.ByCategory.ToImmutableDictionary(), window.HighHarm);
        }

        var amounts = new Dictionary<HarmCategory, ExposureAmount>(window.ByCategory);
        var highHarm = window.HighHarm;
        foreach (var entry in _inHand.Values)
        {
            var end = expected ? entry.ExpectedEnd(now) : entry.EndOr(now);
            window.Add(amounts, entry, end);
            if (HarmTaxonomy.IsHighHarm(entry.Severity))
            {
                highHarm += entry.Within(from, DateTimeOffset.MaxValue, end);
            }
        }

        return new ExposureTotals(amounts.ToImmutableDictionary(), highHarm);
    }

    /// <summary>
    /// Exposure to the items that match <paramref name="which"/> within [<paramref name="from"/>,
    /// <paramref name="to"/>), as at <paramref name="now"/>: items in hand count to now, or, when
    /// <paramref name="expected"/>, to when they are expected to end. Reads every entry.
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

    /// <summary>Exposure per harm category within [<paramref name="from"/>, <paramref name="to"/>), as at <paramref name="now"/>; categories with nothing are left out. Reads every entry.</summary>
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

    /// <summary>High-harm items at the end of the ledger accepted since <paramref name="since"/>, counted up to <paramref name="atMost"/>.</summary>
    public int HighHarmInARow(DateTimeOffset since, int atMost)
    {
        var run = 0;
        for (var i = _entries.Count - 1; i >= 0 && run < atMost && _entries[i].Started >= since && HarmTaxonomy.IsHighHarm(_entries[i].Severity); i--)
        {
            run++;
        }

        return run;
    }

    /// <summary>
    /// The batch is the harmful items at the end of the ledger taken with gaps shorter than
    /// <paramref name="gap"/> (a gap: from the latest end of the harmful items before to the next
    /// accept). When it holds <paramref name="batchSize"/> items, the micro-break runs from the
    /// end of all harmful exposure: its end is returned; null when none is due.
    /// </summary>
    public DateTimeOffset? MicroBreakDue(int batchSize, TimeSpan gap, DateTimeOffset now)
    {
        if (gap <= TimeSpan.Zero || batchSize < 1)
        {
            return null;
        }

        // Only the last batchSize harmful items can be in the batch; an earlier one matters only
        // through its end, and none can end after its start plus the longest harmful item.
        var tail = new List<ExposureEntry>(Math.Min(batchSize, 64));
        var i = _entries.Count - 1;
        for (; i >= 0 && tail.Count < batchSize; i--)
        {
            if (HarmTaxonomy.IsHarmful(_entries[i].Severity))
            {
                tail.Add(_entries[i]);
            }
        }

        if (tail.Count < batchSize)
        {
            return null;
        }

        tail.Reverse();
        var latestEnd = DateTimeOffset.MinValue;
        var reach = tail[0].Started - _longestHarmful;
        for (; i >= 0 && _entries[i].Started >= reach; i--)
        {
            if (HarmTaxonomy.IsHarmful(_entries[i].Severity) && _entries[i].EndOr(now) > latestEnd)
            {
                latestEnd = _entries[i].EndOr(now);
            }
        }

        latestEnd = MaxEndOfHarmfulInHandBefore(tail[0].Started, now, latestEnd);
        for (var k = 0; k < tail.Count; k++)
        {
            if (k > 0 && tail[k].Started - latestEnd >= gap)
            {
                return null;
            }

            var end = tail[k].EndOr(now);
            latestEnd = end > latestEnd ? end : latestEnd;
        }

        return latestEnd + gap;
    }

    /// <summary>Items in hand reach now whenever they began: an earlier one in hand closes every gap.</summary>
    private DateTimeOffset MaxEndOfHarmfulInHandBefore(DateTimeOffset before, DateTimeOffset now, DateTimeOffset latestEnd) =>
        _inHand.Values.Any(e => e.Started < before && HarmTaxonomy.IsHarmful(e.Severity)) && now > latestEnd ? now : latestEnd;

    private ExposureWindow Window(DateTimeOffset from)
    {
        if (!_windows.TryGetValue(from, out var window))
        {
            if (_windows.Count >= WindowsKept)
            {
                _windows.Clear();
            }

            window = new ExposureWindow(from);
            _windows[from] = window;
        }

        return window;
    }

    private void NoteFinished(ExposureEntry entry)
    {
        _finishedInOrder.Add(entry);
        if (entry.Severity == HarmSeverity.Critical && (_lastCriticalEnd is not { } last || entry.Finished > last))
        {
            _lastCriticalEnd = entry.Finished;
        }

        if (HarmTaxonomy.IsHarmful(entry.Severity) && entry.Finished!.Value - entry.Started > _longestHarmful)
        {
            _longestHarmful = entry.Finished.Value - entry.Started;
        }
    }

    private void Reindex()
    {
        _inHand.Clear();
        _known.Clear();
        _finishedInOrder.Clear();
        _windows.Clear();
        _lastCriticalEnd = null;
        _longestHarmful = TimeSpan.Zero;
        foreach (var entry in _entries)
        {
            _known.Add((entry.ItemId, entry.Started));
            if (entry.Finished is null)
            {
                _inHand[entry.ItemId] = entry;
            }
        }

        foreach (var entry in _entries.Where(e => e.Finished is not null).OrderBy(e => e.Finished))
        {
            NoteFinished(entry);
        }
    }
}
