using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Work;
using static SafetyPlatform.Domain.Tests.WorkFixtures;

namespace SafetyPlatform.Domain.Tests;

/// <summary>
/// The predicted first breach: with S specialists and a handle time H, the item with k items
/// ahead of it is finished at now + (⌊k / S⌋ + 1) × H; it breaches if that is after its deadline.
/// </summary>
public class BreachForecastTests
{
    private static readonly DateTimeOffset Now = At(10, 0);

    [Fact]
    public void Two_specialists_at_4_minutes_an_item_breach_first_on_the_P1_due_at_10_06()
    {
        var forecast = new BreachForecast(staffed: 2, handleTime: TimeSpan.FromMinutes(4), Now);

        forecast.Add(Entry("p0-a", Priority.P0, At(10, 10)));  // k = 0: done 10:04, in time
        forecast.Add(Entry("p0-b", Priority.P0, At(10, 12)));  // k = 1: done 10:04, in time
        forecast.Add(Entry("p1-a", Priority.P1, At(10, 6)));   // k = 2: done 10:08, due 10:06: breaches at 10:06
        forecast.Add(Entry("p1-b", Priority.P1, At(10, 30)));  // k = 3: done 10:08, in time
        forecast.Add(Entry("p2-a", Priority.P2, At(10, 7)));   // k = 4: done 10:12, due 10:07: breaches, but later
        var prediction = forecast.Result();

        Assert.Equal(At(10, 6), prediction.FirstBreach);
        Assert.Equal("p1-a", prediction.ItemId);
        Assert.Equal(TimeSpan.FromMinutes(6), prediction.TimeToFirstBreach(Now));
        Assert.Equal(2, prediction.Staffed);
        Assert.Equal(TimeSpan.FromMinutes(4), prediction.HandleTime);
    }

    [Fact]
    public void Enough_hands_predict_no_breach()
    {
        var forecast = new BreachForecast(staffed: 3, handleTime: TimeSpan.FromMinutes(4), Now);

        forecast.Add(Entry("p0-a", Priority.P0, At(10, 10)));
        forecast.Add(Entry("p0-b", Priority.P0, At(10, 12)));
        forecast.Add(Entry("p1-a", Priority.P1, At(10, 6)));   // k = 2: done 10:04 with three
        var prediction = forecast.Result();

        Assert.Null(prediction.FirstBreach);
        Assert.Null(prediction.TimeToFirstBreach(Now));
        Assert.Null(prediction.UnknownReason);
    }

    [Fact]
    public void With_nobody_serving_the_earliest_deadline_is_the_first_breach()
    {
        var forecast = new BreachForecast(staffed: 0, handleTime: null, Now);

        forecast.Add(Entry("p0-a", Priority.P0, At(10, 14)));
        forecast.Add(Entry("p1-a", Priority.P1, At(10, 9)));
        forecast.Add(Entry("p2-a", Priority.P2, At(17, 0)));

        Assert.Equal(At(10, 9), forecast.Result().FirstBreach);
        Assert.Equal("p1-a", forecast.Result().ItemId);
    }

    [Fact]
    public void An_overdue_item_has_breached_already_but_still_takes_a_specialist_first()
    {
        var forecast = new BreachForecast(staffed: 1, handleTime: TimeSpan.FromMinutes(5), Now);

        forecast.Add(Entry("late", Priority.P0, At(9, 55)));   // overdue: not a prediction
        forecast.Add(Entry("next", Priority.P0, At(10, 8)));   // k = 1: done 10:10, due 10:08

        Assert.Equal(At(10, 8), forecast.Result().FirstBreach);
        Assert.Equal("next", forecast.Result().ItemId);
    }

    [Fact]
    public void Without_a_handle_time_there_is_nothing_to_predict_from_and_it_says_so()
    {
        var forecast = new BreachForecast(staffed: 2, handleTime: null, Now);

        forecast.Add(Entry("p0-a", Priority.P0, At(10, 1)));
        var prediction = forecast.Result();

        Assert.Null(prediction.FirstBreach);
        Assert.Contains("no handle time", prediction.UnknownReason, StringComparison.Ordinal);
    }

    private static BacklogEntry Entry(string id, Priority priority, DateTimeOffset deadline) => new(priority, deadline, At(9, 30), id);
}
