using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Work;
using static SafetyPlatform.Domain.Tests.WorkFixtures;

namespace SafetyPlatform.Domain.Tests;

/// <summary>A queue's backlog measured at 10:00.</summary>
public class QueueLoadTests
{
    private static readonly DateTimeOffset Now = At(10, 0);

    [Fact]
    public void Items_at_risk_are_due_within_the_threshold_and_not_yet_overdue()
    {
        BacklogEntry[] waiting =
        [
            Entry("overdue", Priority.P0, At(9, 59)),
            Entry("in-4-min", Priority.P0, At(10, 4)),
            Entry("in-5-min", Priority.P1, At(10, 5)),
            Entry("in-6-min", Priority.P1, At(10, 6)),
        ];

        var load = QueueLoad.Measure(waiting, reserved: 0, handling: 0, TimeSpan.FromMinutes(5), staffed: 0, handleTime: null, recentArrivals: 0, Now);

        Assert.Equal(2, load.AtRisk);
        Assert.Equal(1, load.Overdue);
        Assert.Equal(2, load.WaitingByPriority[Priority.P0]);
        Assert.Equal(2, load.WaitingByPriority[Priority.P1]);
    }

    private static BacklogEntry Entry(string id, Priority priority, DateTimeOffset deadline) => new(priority, deadline, At(9, 30), id);
}
