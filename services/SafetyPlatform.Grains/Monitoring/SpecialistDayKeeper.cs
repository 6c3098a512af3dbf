using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Grains.Monitoring;

/// <summary>
/// Keeps a specialist's <see cref="SpecialistDay"/> for their desk: starts it on their team's
/// clock, or resumes the stored one, and stores it when it changed, on the desk's timer and when
/// the desk is unloaded. A crash loses at most one timer period of counts.
/// </summary>
public sealed class SpecialistDayKeeper(IPersistentState<SpecialistDayState> state, TimeProvider time)
{
    /// <summary>How often a changed day is stored.</summary>
    public static readonly TimeSpan StoreEvery = TimeSpan.FromSeconds(30);

    private SpecialistDay? _day;
    private bool _changed;

    /// <summary>Starts or resumes the day of <paramref name="me"/>, whose team keeps <paramref name="timeZone"/>.</summary>
    public void Start(SpecialistView me, string timeZone)
    {
        var zone = TeamTimeZone.Find(timeZone);
        var now = time.GetUtcNow();
        _day = state.State.Day is { } kept
            ? SpecialistDay.Resume(zone, kept, now)
            : new SpecialistDay(zone, me.ActivityState, me.ActivityStateStart, now);
        // What the roster says now wins over what was stored: a change made while the desk was away counts from when it was made.
        StateNow(me.ActivityState, me.ActivityStateStart);
    }

    /// <summary>The specialist's activity state, as the roster told it.</summary>
    public void StateNow(ActivityState state, DateTimeOffset since)
    {
        if (_day is not null && _day.State != state)
        {
            _day.StateChanged(state, since);
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

    /// <summary>Stores the day if it changed since it was last stored.</summary>
    public async Task Store()
    {
        if (_day is null || !_changed)
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
