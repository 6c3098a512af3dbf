using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Grains.Monitoring;

/// <summary>
/// Keeps a specialist's <see cref="SpecialistDay"/> for their desk: starts it on their team's
/// clock, or resumes the stored one, and stores it when it changed, on the desk's timer and when
/// the desk is unloaded. A crash loses at most one timer period of counts. Days that closed go to
/// the history (<see cref="ISpecialistDayStore"/>) before the day that replaced them is stored,
/// so a crash in between closes the same day again, and the history keeps its first copy.
/// </summary>
public sealed class SpecialistDayKeeper(IPersistentState<SpecialistDayState> state, ISpecialistDayStore history, TimeProvider time)
{
    /// <summary>How often a changed day is stored.</summary>
    public static readonly TimeSpan StoreEvery = TimeSpan.FromSeconds(30);

    private SpecialistDay? _day;
    private bool _changed;
    private string _specialistId = string.Empty;
    private string _teamId = string.Empty;

    /// <summary>Starts or resumes the day of <paramref name="me"/>, whose team keeps <paramref name="timeZone"/>.</summary>
    public void Start(SpecialistView me, string timeZone)
    {
        var zone = TeamTimeZone.Find(timeZone);
        var now = time.GetUtcNow();
        _specialistId = me.SpecialistId;
        _day = state.State.Day is { } kept
            ? SpecialistDay.Resume(zone, kept, now)
            : new SpecialistDay(zone, me.ActivityState, me.ActivityStateStart, now);
        // What the roster says now wins over what was stored: a change made while the desk was away counts from when it was made.
        Follow(me);
    }

    /// <summary>The specialist as the roster told it: their activity state, and the team a closing day is kept under.</summary>
    public void Follow(SpecialistView me)
    {
        _teamId = me.TeamId;
        if (_day is not null && _day.State != me.ActivityState)
        {
            _day.StateChanged(me.ActivityState, me.ActivityStateStart);
            _changed = true;
        }
    }

    /// <summary>Something the specialist did or was given; <paramref name="change"/> tells the day.</summary>
    public void Note(Action<SpecialistDay, DateTimeOffset> change)
    {
        if (_day is not null)
        {
            change(_day, time.GetUtcNow());
            _changed = true;
        }
    }

    /// <summary>The day as of now; null for a specialist who does not exist.</summary>
    public SpecialistDay? Today => _day;

    /// <summary>Stores the days that closed, then the day if it changed since it was last stored.</summary>
    public async Task Store()
    {
        if (_day is null)
        {
            return;
        }

        var today = _day.Day;
        _day.RollTo(time.GetUtcNow());
        _changed |= _day.Day != today;
        if (_day.ClosedDays.Count > 0)
        {
            var closed = _day.ClosedDays.ToArray();
            await history.Save(_specialistId, _teamId, closed);
            _day.ClosedDaysStored(closed.Length);
            await history.DeleteBefore(_specialistId, _day.Day.AddDays(-SpecialistDay.DaysKept));
        }

        if (!_changed)
        {
            return;
        }

        _changed = false;
        state.State.Day = _day.Keep();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            _changed = true;
            throw;
        }
    }
}
