using SafetyPlatform.Domain.Quality;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Domain.Monitoring;

/// <summary>
/// What a queue's items and specialists did lately, counted as it happens: each transition in
/// its 1-minute interval (kept for 30 minutes, so the previous 15-minute interval is always
/// whole), and who served the queue in the last <see cref="StaffedWindow"/>. Longer intervals are
/// sums of their minutes. <paramref name="counted"/>, when given, is called after each count (to
/// wake whoever watches the numbers).
/// </summary>
public sealed class QueueActivity(Action? counted = null)
{
    /// <summary>A specialist counts as staffing the queue for this long after they last asked it for work or acted on its items.</summary>
    public static readonly TimeSpan StaffedWindow = TimeSpan.FromMinutes(5);

    /// <summary>"Recently", for the handle time that predicts breaches and the arrivals that estimate staffing.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(30);

    private readonly SortedDictionary<DateTimeOffset, ItemTransitionTally> _minutes = [];
    private DateTimeOffset _storedThrough = DateTimeOffset.MinValue;
    private readonly Dictionary<string, DateTimeOffset> _lastSeen = new(StringComparer.Ordinal);

    /// <summary>How many transitions have been counted: it grows with every one, so a watcher can tell whether anything happened.</summary>
    public long Version { get; private set; }

    /// <summary>Counts the transition that made <paramref name="item"/> (its latest event), and notes the specialists in it.</summary>
    public void Count(WorkItem item)
    {
        var change = item.History[^1];
        Version++;
        Minute(change.At).Count(item);
        if (SpecialistName.TryParse(change.Actor, out var actor))
        {
            NoteActive(actor.SpecialistId, change.At);
        }

        if (item.Holder.Length > 0)
        {
            NoteActive(item.Holder, change.At);
        }

        counted?.Invoke();
    }

    /// <summary>An audit of one of the queue's items, or a golden item scored, recorded at <paramref name="at"/>: counted in that minute.</summary>
    public void CountQuality(QualityTally found, DateTimeOffset at)
    {
        Version++;
        Minute(at).CountQuality(found);
        counted?.Invoke();
    }

    /// <summary>A specialist asked this queue for work, or acted on one of its items, at <paramref name="at"/>.</summary>
    public void NoteActive(string specialistId, DateTimeOffset at)
    {
        if (!_lastSeen.TryGetValue(specialistId, out var last) || last < at)
        {
            _lastSeen[specialistId] = at;
        }
    }

    /// <summary>
    /// Specialists staffing the queue at <paramref name="now"/>: those who asked for work here or
    /// acted on an item here in the <see cref="StaffedWindow"/> before, and those who hold one of
    /// its items now (<paramref name="holders"/>), however long ago they took it.
    /// </summary>
    public int Staffed(DateTimeOffset now, IEnumerable<string> holders) =>
        _lastSeen.Where(s => s.Value > now - StaffedWindow).Select(s => s.Key).Union(holders, StringComparer.Ordinal).Count();

    /// <summary>The numbers of <paramref name="interval"/> as of <paramref name="now"/>; closed once it has ended.</summary>
    public QueueIntervalStats Interval(StatsInterval interval, DateTimeOffset now)
    {
        if (interval.Length < StatsInterval.OneMinute || interval.Length.Ticks % StatsInterval.OneMinute.Ticks != 0 || interval.Start < now - Kept)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, $"whole minutes within the last {Kept.TotalMinutes} minutes are kept");
        }

        return QueueIntervalStats.From(interval, interval.End <= now, Sum(interval.Start, interval.End));
    }

    /// <summary>The average handle time of the items completed in the <see cref="RecentWindow"/> before <paramref name="now"/>; null when none was.</summary>
    public TimeSpan? RecentHandleTime(DateTimeOffset now)
    {
        var recent = Recent(now);
        return recent.Completions == 0 ? null : recent.HandleTime / recent.Completions;
    }

    /// <summary>Items that arrived in the <see cref="RecentWindow"/> before <paramref name="now"/>.</summary>
    public int RecentArrivals(DateTimeOffset now) => Recent(now).Arrivals;

    /// <summary>The current minute so far and the 14 before it: the window slides by the minute.</summary>
    private ItemTransitionTally Recent(DateTimeOffset now)
    {
        var minute = StatsInterval.Containing(now, StatsInterval.OneMinute);
        return Sum(minute.End - RecentWindow, minute.End);
    }

    /// <summary>
    /// The intervals that have closed by <paramref name="now"/> and have not been stored yet, to
    /// keep as history: each 1-minute and each 15-minute interval with at least one transition,
    /// oldest first. Only what this activity counted is in them: a quarter hour that began before
    /// the queue was loaded holds only what came after.
    /// </summary>
    public IReadOnlyList<QueueIntervalStats> ClosedSinceStored(DateTimeOffset now)
    {
        var closed = _minutes.Keys.Where(start => start >= _storedThrough && start + StatsInterval.OneMinute <= now)
            .Select(start => new StatsInterval(start, StatsInterval.OneMinute))
            .ToList();
        var quarters = _minutes.Keys.Select(start => StatsInterval.Containing(start, StatsInterval.FifteenMinutes))
            .Distinct()
            .Where(q => q.End > _storedThrough && q.End <= now);
        // An interval whose minutes were let go before it could be stored (storage away for half an hour) is lost.
        return [.. closed.Concat(quarters).Where(i => i.Start >= now - Kept).OrderBy(i => i.End).ThenBy(i => i.Length).Select(i => Interval(i, now))];
    }

    /// <summary>The intervals that ended by <paramref name="end"/> are stored: they are not offered again.</summary>
    public void StoredThrough(DateTimeOffset end)
    {
        if (end > _storedThrough)
        {
            _storedThrough = end;
        }
    }

    /// <summary>Forgets minutes and specialists too old to matter at <paramref name="now"/>.</summary>
    public void Forget(DateTimeOffset now)
    {
        foreach (var old in _minutes.Keys.TakeWhile(start => start < now - Kept).ToList())
        {
            _minutes.Remove(old);
        }

        foreach (var gone in _lastSeen.Where(s => s.Value <= now - StaffedWindow).Select(s => s.Key).ToList())
        {
            _lastSeen.Remove(gone);
        }
    }

    private ItemTransitionTally Sum(DateTimeOffset from, DateTimeOffset to)
    {
        var sum = new ItemTransitionTally();
        foreach (var (start, tally) in _minutes)
        {
            if (start >= from && start < to)
            {
                sum.Add(tally);
            }
        }

        return sum;
    }

    private ItemTransitionTally Minute(DateTimeOffset at)
    {
        var start = StatsInterval.Containing(at, StatsInterval.OneMinute).Start;
        if (!_minutes.TryGetValue(start, out var tally))
        {
            _minutes[start] = tally = new ItemTransitionTally();
        }

        return tally;
    }
}
