using SafetyPlatform.Domain.Monitoring;
using static SafetyPlatform.Domain.Tests.WorkFixtures;

namespace SafetyPlatform.Domain.Tests;

public class StatsIntervalTests
{
    [Fact]
    public void A_moment_falls_in_the_minute_and_the_quarter_hour_that_hold_it()
    {
        var minute = StatsInterval.Containing(At(10, 7, 42), StatsInterval.OneMinute);
        var quarter = StatsInterval.Containing(At(10, 7, 42), StatsInterval.FifteenMinutes);

        Assert.Equal(At(10, 7), minute.Start);
        Assert.Equal(At(10, 8), minute.End);
        Assert.Equal(At(10, 0), quarter.Start);
        Assert.Equal(At(10, 15), quarter.End);
        Assert.Equal(At(9, 45), quarter.Previous.Start);
    }

    [Fact]
    public void The_start_is_included_and_the_end_is_not()
    {
        var quarter = StatsInterval.Containing(At(10, 15), StatsInterval.FifteenMinutes);

        Assert.Equal(At(10, 15), quarter.Start);
        Assert.True(quarter.Contains(At(10, 15)));
        Assert.False(quarter.Contains(At(10, 30)));
    }

    [Theory]
    [InlineData(5, 30)]   // India: 15:37:42 local is in the quarter from 15:30 local
    [InlineData(5, 45)]   // Nepal
    [InlineData(-3, -30)] // Newfoundland
    public void Quarter_hours_sit_on_the_local_clock_of_every_time_zone_in_use(int hours, int minutes)
    {
        var local = At(10, 7, 42).ToOffset(new TimeSpan(hours, minutes, 0));

        var quarter = StatsInterval.Containing(local, StatsInterval.FifteenMinutes);

        Assert.Equal(0, quarter.Start.ToOffset(local.Offset).Minute % 15);
        Assert.Equal(0, quarter.Start.ToOffset(local.Offset).Second);
    }

    [Fact]
    public void An_interval_must_divide_a_day()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StatsInterval.Containing(At(10, 0), TimeSpan.FromMinutes(7)));
    }

    [Fact]
    public void The_p90_of_ten_waits_is_the_ninth_shortest()
    {
        var waits = Enumerable.Range(1, 10).Select(s => TimeSpan.FromSeconds(s * 10)).Reverse().ToList();

        Assert.Equal(TimeSpan.FromSeconds(90), Percentile.NearestRank(waits, 90));
        Assert.Equal(TimeSpan.FromSeconds(50), Percentile.NearestRank(waits, 50));
        Assert.Equal(TimeSpan.FromSeconds(7), Percentile.NearestRank([TimeSpan.FromSeconds(7)], 90));
        Assert.Null(Percentile.NearestRank([], 90));
    }
}
