using SafetyPlatform.Domain.Quality;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Monitoring;

/// <summary>
/// One specialist's day so far, on their team's clock: the work they finished and turned down,
/// and how long they spent in each activity state since local midnight. It is told what happens
/// as it happens; at local midnight it starts a new day (the running state's time is split at
/// midnight). docs/METRICS.md, "Specialist numbers", gives every formula.
/// </summary>
public sealed class SpecialistDay
{
    private readonly TimeZoneInfo _zone;
    private readonly Dictionary<ActivityState, TimeSpan> _timeIn = [];
    private readonly List<SpecialistDayRecord> _closed = [];
    private ActivityState _state;
    private DateTimeOffset _since;

    public SpecialistDay(TimeZoneInfo zone, ActivityState state, DateTimeOffset since, DateTimeOffset now)
    {
        _zone = zone;
        Day = LocalDay(now);
        _state = state;
        _since = since > DayStart ? since : DayStart;
    }

    /// <summary>Picks up a day kept earlier (<see cref="Keep"/>), at <paramref name="now"/>: a kept day that is over gives a new one.</summary>
    public static SpecialistDay Resume(TimeZoneInfo zone, SpecialistDayRecord kept, DateTimeOffset now)
    {
        var day = new SpecialistDay(zone, kept.State, kept.Since, kept.Since);
        if (day.Day == kept.Day)
        {
            day.Offers = kept.Offers;
            day.Rejected = kept.Rejected;
            day.Expired = kept.Expired;
            day.Handled = kept.Handled;
            day.CompletedWithinSla = kept.CompletedWithinSla;
            day.HandleTime = kept.HandleTime;
            day.Escalated = kept.Escalated;
            day.Released = kept.Released;
            day.Quality = kept.Quality ?? QualityTally.None;
            foreach (var (state, time) in kept.TimeIn)
            {
                day._timeIn[state] = time;
            }
        }

        day.RollTo(now);
        return day;
    }

    /// <summary>The day as it stands, to keep and resume after a restart.</summary>
    public SpecialistDayRecord Keep() => new(Day, _state, _since, Offers, Rejected, Expired, Handled, CompletedWithinSla, HandleTime, Escalated, Released,
        new Dictionary<ActivityState, TimeSpan>(_timeIn), Quality);

    /// <summary>The activity state they are in.</summary>
    public ActivityState State => _state;

    /// <summary>The team's local date this day is.</summary>
    public DateOnly Day { get; private set; }

    /// <summary>Local midnight that began <see cref="Day"/>, as an instant.</summary>
    public DateTimeOffset DayStart => Midnight(Day);

    public int Offers { get; private set; }

    public int Rejected { get; private set; }

    public int Expired { get; private set; }

    public int Handled { get; private set; }

    public int CompletedWithinSla { get; private set; }

    public TimeSpan HandleTime { get; private set; }

    public int Escalated { get; private set; }

    public int Released { get; private set; }

    /// <summary>Audits of their work and golden items they completed, counted on the day each was recorded.</summary>
    public QualityTally Quality { get; private set; } = QualityTally.None;

    /// <summary>The specialist's activity state changed at <paramref name="at"/>.</summary>
    public void StateChanged(ActivityState to, DateTimeOffset at)
    {
        RollTo(at);
        if (at > _since)
        {
            _timeIn[_state] = _timeIn.GetValueOrDefault(_state) + (at - _since);
            _since = at;
        }

        _state = to;
    }

    public void Offered(int count, DateTimeOffset at)
    {
        RollTo(at);
        Offers += count;
    }

    public void Rejection(DateTimeOffset at)
    {
        RollTo(at);
        Rejected++;
    }

    public void Expiry(DateTimeOffset at)
    {
        RollTo(at);
        Expired++;
    }

    public void Release(DateTimeOffset at)
    {
        RollTo(at);
        Released++;
    }

    public void Escalation(DateTimeOffset at)
    {
        RollTo(at);
        Escalated++;
    }

    /// <summary>They completed an item after <paramref name="handleTime"/> of handling, due at <paramref name="deadline"/>.</summary>
    public void Completion(TimeSpan handleTime, DateTimeOffset deadline, DateTimeOffset at)
    {
        RollTo(at);
        Handled++;
        HandleTime += handleTime;
        CompletedWithinSla += at <= deadline ? 1 : 0;
    }

    /// <summary>An audit of their work, or a golden item of theirs scored, recorded at <paramref name="at"/>.</summary>
    public void QualityFound(QualityTally found, DateTimeOffset at)
    {
        RollTo(at);
        Quality = Quality.Plus(found);
    }

    /// <summary>
    /// The day so far as <see cref="DayTotals"/> (which hold every formula: logged in, occupancy,
    /// utilisation, AHT, SLA attainment), with the running state counted up to <paramref name="now"/>.
    /// </summary>
    public DayTotals SoFar(DateTimeOffset now)
    {
        RollTo(now);
        var timeIn = new Dictionary<ActivityState, TimeSpan>(_timeIn);
        if (now > _since)
        {
            timeIn[_state] = timeIn.GetValueOrDefault(_state) + (now - _since);
        }

        return new DayTotals(Day, 1, Offers, Rejected, Expired, Handled, CompletedWithinSla, HandleTime, Escalated, Released, timeIn, Quality);
    }

    /// <summary>Time in <paramref name="state"/> today, up to <paramref name="now"/>.</summary>
    public TimeSpan TimeIn(ActivityState state, DateTimeOffset now) => SoFar(now).In(state);

    /// <summary>Time in any state but OFFLINE today: logged in.</summary>
    public TimeSpan LoggedIn(DateTimeOffset now) => SoFar(now).LoggedIn;

    /// <summary>
    /// Brings the day up to <paramref name="at"/>: at local midnight the day closes (the running
    /// state's time runs to midnight, see <see cref="TakeClosedDays"/>) and a new one starts, counts
    /// from zero, the running state from midnight. Whole days in between are closed as spent in
    /// the running state (days OFFLINE with nothing done are not kept), at most
    /// <see cref="DaysKept"/> of them.
    /// </summary>
    public void RollTo(DateTimeOffset at)
    {
        var today = LocalDay(at);
        while (Day < today)
        {
            var end = Midnight(Day.AddDays(1));
            if (end > _since)
            {
                _timeIn[_state] = _timeIn.GetValueOrDefault(_state) + (end - _since);
            }

            var closed = new SpecialistDayRecord(Day, _state, end, Offers, Rejected, Expired, Handled, CompletedWithinSla, HandleTime, Escalated, Released,
                new Dictionary<ActivityState, TimeSpan>(_timeIn), Quality);
            if (!closed.IsEmpty)
            {
                _closed.Add(closed);
            }

            // Days further back than history keeps, or days offline with nothing in them, need not be walked one by one.
            var next = Day.AddDays(1);
            var oldestKept = today.AddDays(-DaysKept);
            Day = _state == ActivityState.Offline ? today : next < oldestKept ? oldestKept : next;
            Offers = Rejected = Expired = Handled = CompletedWithinSla = Escalated = Released = 0;
            HandleTime = TimeSpan.Zero;
            Quality = QualityTally.None;
            _timeIn.Clear();
            _since = DayStart;
        }
    }

    /// <summary>How many days back closed days are kept as history (docs/METRICS.md, "Specialist and team history").</summary>
    public const int DaysKept = 90;

    /// <summary>
    /// Hands over the days that closed since the last call, oldest first, each with its time in
    /// every state up to its midnight; the day lets go of them.
    /// </summary>
    public IReadOnlyList<SpecialistDayRecord> TakeClosedDays()
    {
        var closed = _closed.ToArray();
        _closed.Clear();
        return closed;
    }

    private DateOnly LocalDay(DateTimeOffset at) => TeamTimeZone.LocalDay(_zone, at);

    private DateTimeOffset Midnight(DateOnly day) => TeamTimeZone.Midnight(_zone, day);
}
