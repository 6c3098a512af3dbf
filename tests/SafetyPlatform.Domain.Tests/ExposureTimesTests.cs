using SafetyPlatform.Domain.Wellbeing;
using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Domain.Tests;

/// <summary>When an item's exposure began and ended, read from its history.</summary>
public class ExposureTimesTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static WorkItemEvent Event(int sequence, WorkItemStatus from, WorkItemStatus to, int minute, string actor) =>
        new(sequence, from, to, Nine.AddMinutes(minute), actor, default, "");

    [Fact]
    public void Aoifes_handling_ends_when_she_let_go_not_when_a_colleague_who_took_it_after_her_did()
    {
        // Aoife handles 9:02–9:10 and releases it; Bríd handles it 9:20–9:31.
        var history = new[]
        {
            Event(1, WorkItemStatus.Queued, WorkItemStatus.Reserved, 1, "specialists/aoife"),
            Event(2, WorkItemStatus.Reserved, WorkItemStatus.Handling, 2, "specialists/aoife"),
            Event(3, WorkItemStatus.Handling, WorkItemStatus.Queued, 10, "specialists/aoife"),
            Event(4, WorkItemStatus.Queued, WorkItemStatus.Reserved, 19, "specialists/brid"),
            Event(5, WorkItemStatus.Reserved, WorkItemStatus.Handling, 20, "specialists/brid"),
            Event(6, WorkItemStatus.Handling, WorkItemStatus.Completed, 31, "specialists/brid"),
        };

        Assert.Equal(Nine.AddMinutes(10), ExposureTimes.LeftHands(history, Nine.AddMinutes(2)));
        Assert.Equal(Nine.AddMinutes(31), ExposureTimes.LeftHands(history, Nine.AddMinutes(20)));
        Assert.Equal(Nine.AddMinutes(31), ExposureTimes.LeftHands(history));
        Assert.Equal(Nine.AddMinutes(20), ExposureTimes.Accepted(history));
    }
}
