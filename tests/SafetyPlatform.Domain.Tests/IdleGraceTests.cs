using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Tests;

public class IdleGraceTests
{
    private static DateTimeOffset At(int hour, int minute, int second) => new(2026, 12, 1, hour, minute, second, TimeSpan.Zero);

    private static FinishedWork FinishedAt(DateTimeOffset at) => new(at, "specialists/ana", "completed queues/bullying-en/workItems/r-1");

    [Fact]
    public void A_specialist_who_finishes_at_09_00_00_is_still_handling_at_09_00_01_with_a_2_second_grace()
    {
        var grace = new IdleGrace(TimeSpan.FromSeconds(2));
        grace.LastItemFinished(FinishedAt(At(9, 0, 0)));

        Assert.False(grace.HasRunOut(At(9, 0, 1)));
        Assert.True(grace.HasRunOut(At(9, 0, 2)));
    }

    [Fact]
    public void Taking_an_item_at_09_00_01_within_the_grace_cancels_the_return_to_available()
    {
        var grace = new IdleGrace(TimeSpan.FromSeconds(2));
        grace.LastItemFinished(FinishedAt(At(9, 0, 0)));

        grace.ItemTaken();

        Assert.Null(grace.Pending);
        Assert.False(grace.HasRunOut(At(9, 0, 5)));
        Assert.Null(grace.Settle());
    }

    [Fact]
    public void When_the_grace_runs_out_the_return_is_dated_09_00_00_when_they_finished_not_09_00_02()
    {
        var grace = new IdleGrace(TimeSpan.FromSeconds(2));
        grace.LastItemFinished(FinishedAt(At(9, 0, 0)));

        var settled = grace.Settle();

        Assert.NotNull(settled);
        Assert.Equal(At(9, 0, 0), IdleGrace.EffectiveTime(settled.At, stateStart: At(8, 30, 0), now: At(9, 0, 2)));
        Assert.Null(grace.Pending);
    }

    [Fact]
    public void A_failed_write_puts_the_finish_back_unless_a_newer_one_arrived()
    {
        var grace = new IdleGrace(TimeSpan.FromSeconds(2));
        grace.LastItemFinished(FinishedAt(At(9, 0, 0)));
        var first = grace.Settle()!;

        grace.Restore(first);
        Assert.Equal(At(9, 0, 0), grace.Pending!.At);

        var taken = grace.Settle()!;
        grace.LastItemFinished(FinishedAt(At(9, 0, 4)));
        grace.Restore(taken);
        Assert.Equal(At(9, 0, 4), grace.Pending!.At);
    }

    [Fact]
    public void A_grace_of_zero_returns_at_once_and_has_nothing_to_wait_for()
    {
        var grace = new IdleGrace(TimeSpan.Zero);

        Assert.True(grace.ReturnsAtOnce);
        Assert.Throws<InvalidOperationException>(() => grace.LastItemFinished(FinishedAt(At(9, 0, 0))));
    }

    [Fact]
    public void A_2_second_grace_is_looked_at_every_200_ms()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(200), new IdleGrace(TimeSpan.FromSeconds(2)).CheckInterval);
    }

    [Theory]
    [InlineData("09:00:00", "08:30:00", "09:00:02", "09:00:00")] // within the state, in the past: as asked
    [InlineData("08:20:00", "08:30:00", "09:00:02", "09:00:02")] // before the state began: now
    [InlineData("09:00:05", "08:30:00", "09:00:02", "09:00:02")] // in the future (a skewed clock): now
    public void A_change_takes_effect_when_asked_only_within_the_current_state_and_never_in_the_future(
        string requested, string stateStart, string now, string expected)
    {
        static DateTimeOffset Parse(string time) => new(DateOnly.FromDateTime(new DateTime(2026, 12, 1)), TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero);

        Assert.Equal(Parse(expected), IdleGrace.EffectiveTime(Parse(requested), Parse(stateStart), Parse(now)));
    }
}
