namespace SafetyPlatform.Domain.Roster;

/// <summary>
/// Time accounting for one specialist's activity: the current state, when it began, and
/// the time spent in each state so far. Immutable; every change returns a new clock.
/// </summary>
public sealed record ActivityClock(
    ActivityState State,
    DateTimeOffset StateStart,
    IReadOnlyDictionary<ActivityState, TimeSpan> CompletedTime)
{
    /// <summary>A specialist who has just been created: OFFLINE from <paramref name="now"/>.</summary>
    public static ActivityClock StartOffline(DateTimeOffset now) =>
        new(ActivityState.Offline, now, new Dictionary<ActivityState, TimeSpan>());

    /// <summary>Time in the current state at <paramref name="now"/>; never negative.</summary>
    public TimeSpan TimeInState(DateTimeOffset now) => now > StateStart ? now - StateStart : TimeSpan.Zero;

    /// <summary>All time spent in <paramref name="state"/>, including the running stretch.</summary>
    public TimeSpan TotalTimeIn(ActivityState state, DateTimeOffset now)
    {
        var done = CompletedTime.TryGetValue(state, out var t) ? t : TimeSpan.Zero;
        return state == State ? done + TimeInState(now) : done;
    }

    /// <summary>Closes the running stretch and starts <paramref name="next"/> at <paramref name="now"/>.</summary>
    public ActivityClock Enter(ActivityState next, DateTimeOffset now)
    {
        var totals = new Dictionary<ActivityState, TimeSpan>(CompletedTime);
        totals[State] = TotalTimeIn(State, now);
        // A clock that went backwards (a silo with a skewed clock) must not shorten the history.
        var start = now > StateStart ? now : StateStart;
        return new ActivityClock(next, start, totals);
    }
}
