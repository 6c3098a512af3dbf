using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Grains.Monitoring;

/// <summary>
/// Keeps a specialist's <see cref="SpecialistDay"/> for their desk: starts it on their team's
/// clock, or resumes the stored one, and stores it when it changed, on the desk's timer and when
/// the desk is unloaded. A crash loses at most one timer period of counts. Days that closed go to
/// the history (<see cref="ISpecialistDayStore"/>) under the team the specialist was in when the
/// day closed, before the day that replaced them is stored, so a crash in between closes the
/// same day again, and the history keeps its first copy. One store runs at a time.
/// </summary>
public sealed class SpecialistDayKeeper(IPersistentState<SpecialistDayState> state, ISpecialistDayStore history, TimeProvider time)
{
    /// <summary>How often a changed day is stored.</summary>
    public static readonly TimeSpan StoreEvery = TimeSpan.FromSeconds(30);

    private readonly List<(string TeamId, SpecialistDayRecord Day)> _closed = [];
    private SpecialistDay? _day;
    private bool _changed;
    private string _specialistId = string.Empty;
    private string _teamId = string.Empty;
    private Task? _storing;

    /// <summary>Starts or resumes the day of <paramref name="me"/>, whose team keeps <paramref name="timeZone"/>.</summary>
    public void Start(SpecialistView me, string timeZone)
    {
        var zone = TeamTimeZone.Find(timeZone);
        _specialistId = me.SpecialistId;
        // A stored day resumes where it was, in the team it was kept for; what the roster says now
        // wins, counted from when it changed (a day that ended meanwhile closes with the state then).
        _teamId = state.State.TeamId ?? me.TeamId;
        _day = state.State.Day is { } kept
            ? SpecialistDay.Resume(zone, kept, kept.Since)
            : new SpecialistDay(zone, me.ActivityState, me.ActivityStateStart, time.GetUtcNow());
        Follow(me);
    }

    /// <summary>The specialist as the roster told it: their activity state, and the team their days count in from now on.</summary>
    public void Follow(SpecialistView me)
    {
        if (_day is null)
        {
            return;
        }

        if (_day.State != me.ActivityState)
        {
            _day.StateChanged(me.ActivityState, me.ActivityStateStart);
            _changed = true;
        }

        // Days that ended before a move count in the team they ended in.
        TakeClosedDays();
        if (_teamId != me.TeamId)
        {
            _teamId = me.TeamId;
            _changed = true;
        }
    }

    /// <summary>
    /// The roster's change reached the desk: the day follows it, the team's monitor hears of it
    /// (specialist → team) and a team left behind hears that its member went, and a day that
    /// closed before a move is stored under the team it closed in at once, not at the next timer.
    /// </summary>
    public void RosterChanged(SpecialistView me, string? teamBefore, IGrainFactory grains)
    {
        Follow(me);
        if (teamBefore is not null && teamBefore != me.TeamId)
        {
            grains.GetGrain<ITeamMonitorGrain>(teamBefore).MemberLeft(me.SpecialistId).Ignore();
            Store().Ignore();
        }

        if (_day is not null)
        {
            grains.GetGrain<ITeamMonitorGrain>(me.TeamId).MemberChanged(me.SpecialistId, _day.Keep()).Ignore();
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

    /// <summary>Stores the days that closed, then the day if it changed since it was last stored; after any store already under way.</summary>
    public async Task Store()
    {
        while (_storing is { IsCompleted: false } running)
        {
            try
            {
                await running;
            }
            catch (Exception)
            {
                // Its caller hears of it; this store tries again.
            }
        }

        _storing = StoreOnce();
        await _storing;
    }

    private async Task StoreOnce()
    {
        if (_day is null)
        {
            return;
        }

        TakeClosedDays();
        if (_closed.Count > 0)
        {
            var closed = _closed.ToArray();
            foreach (var team in closed.GroupBy(c => c.TeamId))
            {
                await history.Save(_specialistId, team.Key, [.. team.Select(c => c.Day)]);
            }

            _closed.RemoveRange(0, closed.Length);
            // Old days go when a new one is stored; a failure here is tried again on the next.
            history.DeleteBefore(_specialistId, _day.Day.AddDays(-SpecialistDay.DaysKept)).Ignore();
        }

        if (!_changed)
        {
            return;
        }

        _changed = false;
        state.State.Day = _day.Keep();
        state.State.TeamId = _teamId;
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

    /// <summary>Rolls the day to now and sets aside the days that closed, under the team they closed in.</summary>
    private void TakeClosedDays()
    {
        var today = _day!.Day;
        _day.RollTo(time.GetUtcNow());
        _changed |= _day.Day != today;
        _closed.AddRange(_day.TakeClosedDays().Select(d => (_teamId, d)));
    }
}
