using Microsoft.Extensions.Time.Testing;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Tests;

public class ActivityClockTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Time_in_state_runs_from_the_moment_the_state_began()
    {
        var clock = ActivityClock.StartOffline(_time.GetUtcNow()).Enter(ActivityState.Available, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(25));

        Assert.Equal(TimeSpan.FromMinutes(25), clock.TimeInState(_time.GetUtcNow()));
    }

    [Fact]
    public void A_shift_adds_up_per_state()
    {
        // 08:00 log in, 2 h available, 15 min break, 1 h 30 available, 10 min wellness break.
        var clock = ActivityClock.StartOffline(_time.GetUtcNow()).Enter(ActivityState.Available, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromHours(2));
        clock = clock.Enter(ActivityState.Break, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(15));
        clock = clock.Enter(ActivityState.Available, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(90));
        clock = clock.Enter(ActivityState.WellnessBreak, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(10));
        var now = _time.GetUtcNow();

        Assert.Equal(TimeSpan.FromMinutes(210), clock.TotalTimeIn(ActivityState.Available, now));
        Assert.Equal(TimeSpan.FromMinutes(15), clock.TotalTimeIn(ActivityState.Break, now));
        Assert.Equal(TimeSpan.FromMinutes(10), clock.TotalTimeIn(ActivityState.WellnessBreak, now));
        Assert.Equal(TimeSpan.FromMinutes(10), clock.TimeInState(now));
        Assert.Equal(TimeSpan.Zero, clock.TotalTimeIn(ActivityState.Training, now));
    }

    [Fact]
    public void A_clock_that_goes_backwards_never_yields_negative_time()
    {
        var start = _time.GetUtcNow();
        var clock = ActivityClock.StartOffline(start).Enter(ActivityState.Available, start);
        var earlier = start - TimeSpan.FromSeconds(5);

        Assert.Equal(TimeSpan.Zero, clock.TimeInState(earlier));
        var next = clock.Enter(ActivityState.Break, earlier);
        Assert.Equal(start, next.StateStart);
        Assert.Equal(TimeSpan.Zero, next.TotalTimeIn(ActivityState.Available, start));
    }

    [Fact]
    public void Entering_a_state_leaves_the_earlier_clock_unchanged()
    {
        var clock = ActivityClock.StartOffline(_time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(3));
        _ = clock.Enter(ActivityState.Available, _time.GetUtcNow());

        Assert.Equal(ActivityState.Offline, clock.State);
        Assert.Empty(clock.CompletedTime);
    }
}
