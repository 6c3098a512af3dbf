using SafetyPlatform.Domain.Work;
using static SafetyPlatform.Domain.Tests.WorkFixtures;

namespace SafetyPlatform.Domain.Tests;

/// <summary>The order in which waiting items are offered, as a team lead would say it.</summary>
public class BacklogOrderTests
{
    [Fact]
    public void A_P1_due_0920_comes_before_a_P1_due_0940_that_arrived_earlier()
    {
        var dueAt0920 = new BacklogEntry(Priority.P1, At(9, 20), At(9, 5), "w2");
        var dueAt0940 = new BacklogEntry(Priority.P1, At(9, 40), At(9, 0), "w1");
        Assert.True(ComesBefore(dueAt0920, dueAt0940));

        var backlog = new Backlog(Rules());
        backlog.Enqueue("w1", At(9, 0), Priority.P1, deadline: At(9, 40));
        backlog.Enqueue("w2", At(9, 5), Priority.P1, deadline: At(9, 20));

        Assert.Equal("w2", backlog.BestFor(Aoife)?.ItemId);
    }

    [Fact]
    public void A_P0_comes_before_a_P3_whatever_the_deadlines()
    {
        // The P3 is due in five minutes, the P0 not until 23:00: the P0 still goes first.
        var p3DueAt0905 = new BacklogEntry(Priority.P3, At(9, 5), At(9, 0), "w1");
        var p0DueAt2300 = new BacklogEntry(Priority.P0, At(23, 0), At(9, 30), "w2");
        Assert.True(ComesBefore(p0DueAt2300, p3DueAt0905));

        var backlog = new Backlog(Rules());
        backlog.Enqueue("w1", At(9, 0), Priority.P3, deadline: At(9, 5));
        backlog.Enqueue("w2", At(9, 30), Priority.P0, deadline: At(23, 0));

        Assert.Equal("w2", backlog.BestFor(Aoife)?.ItemId);
    }

    [Theory]
    [InlineData(Priority.P0, Priority.P1)]
    [InlineData(Priority.P1, Priority.P2)]
    [InlineData(Priority.P2, Priority.P3)]
    [InlineData(Priority.P0, Priority.P3)]
    public void A_higher_priority_goes_first_even_when_due_later_and_arrived_later(Priority higher, Priority lower)
    {
        var urgent = new BacklogEntry(higher, At(18, 0), At(9, 30), "w9");
        var calm = new BacklogEntry(lower, At(9, 1), At(9, 0), "w1");

        Assert.True(ComesBefore(urgent, calm));
    }

    [Fact]
    public void Same_priority_and_deadline_the_earlier_arrival_goes_first()
    {
        // Both P2 due 12:00; w2 arrived at 09:00, w1 at 09:10.
        var arrivedAt0900 = new BacklogEntry(Priority.P2, At(12, 0), At(9, 0), "w2");
        var arrivedAt0910 = new BacklogEntry(Priority.P2, At(12, 0), At(9, 10), "w1");
        Assert.True(ComesBefore(arrivedAt0900, arrivedAt0910));

        var backlog = new Backlog(Rules());
        backlog.Enqueue("w1", At(9, 10), Priority.P2, deadline: At(12, 0));
        backlog.Enqueue("w2", At(9, 0), Priority.P2, deadline: At(12, 0));

        Assert.Equal("w2", backlog.BestFor(Aoife)?.ItemId);
    }

    [Fact]
    public void Same_priority_deadline_and_arrival_the_lower_id_goes_first()
    {
        var w1 = new BacklogEntry(Priority.P2, At(12, 0), At(9, 0), "w1");
        var w2 = new BacklogEntry(Priority.P2, At(12, 0), At(9, 0), "w2");

        Assert.True(ComesBefore(w1, w2));
        Assert.Equal(0, BacklogOrder.Instance.Compare(w1, w1 with { }));

        var backlog = new Backlog(Rules());
        backlog.Enqueue("w2", At(9, 0), Priority.P2, deadline: At(12, 0));
        backlog.Enqueue("w1", At(9, 0), Priority.P2, deadline: At(12, 0));

        Assert.Equal("w1", backlog.BestFor(Aoife)?.ItemId);
    }

    [Theory]
    [InlineData(Priority.P0, 0, 9, 15)]
    [InlineData(Priority.P1, 0, 10, 0)]
    [InlineData(Priority.P2, 0, 17, 0)]
    [InlineData(Priority.P3, 1, 9, 0)]
    public void Without_a_deadline_an_item_arriving_at_0900_is_due_when_the_SLA_says(Priority priority, int daysLater, int hour, int minute)
    {
        var due = At(hour, minute).AddDays(daysLater);

        Assert.Equal(due, SlaPolicy.Default.DeadlineFor(priority, At(9, 0), null));
        Assert.Equal(due, new Backlog(Rules()).Enqueue("w1", At(9, 0), priority).Deadline);
    }

    [Fact]
    public void An_explicit_deadline_wins_over_the_SLA_earlier_or_later()
    {
        // A P0 arriving at 09:00 would be due at 09:15; told 11:30, it is due at 11:30.
        Assert.Equal(At(11, 30), SlaPolicy.Default.DeadlineFor(Priority.P0, At(9, 0), At(11, 30)));
        // A P3 arriving at 09:00 would be due tomorrow at 09:00; told 09:30, it is due at 09:30.
        Assert.Equal(At(9, 30), SlaPolicy.Default.DeadlineFor(Priority.P3, At(9, 0), At(9, 30)));
        Assert.Equal(At(9, 30), new Backlog(Rules()).Enqueue("w1", At(9, 0), Priority.P3, deadline: At(9, 30)).Deadline);
    }

    [Fact]
    public void An_unspecified_priority_has_no_SLA() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaPolicy.Default.DeadlineFor(Priority.Unspecified, At(9, 0), null));

    [Fact]
    public void Deadlines_from_the_SLA_and_explicit_ones_are_ordered_together()
    {
        // Three P1s: w1 arrives 09:00 and is due at 10:00 by the SLA; w2 arrives 09:05 told 10:30;
        // w3 arrives 09:30 told 09:45. Due first goes first: w3, w1, w2.
        var backlog = new Backlog(Rules());
        backlog.Enqueue("w1", At(9, 0), Priority.P1);
        backlog.Enqueue("w2", At(9, 5), Priority.P1, deadline: At(10, 30));
        backlog.Enqueue("w3", At(9, 30), Priority.P1, deadline: At(9, 45));

        Assert.Equal(new[] { "w3", "w1", "w2" }, OfferAll(backlog, Aoife, At(9, 31)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_backlog_offers_one_item_after_another_in_routing_order(bool admittedInReverse)
    {
        // w1 P2 arrives 09:00 (due 17:00)        w4 P1 arrives 09:03 (due 10:03)
        // w2 P1 arrives 09:01, told due 09:50    w5 P1 arrives 09:04, told due 09:50
        // w3 P0 arrives 09:02 (due 09:17)        w6 P3 arrives 09:05, told due 09:10
        var arrivals = new (string Id, int Minute, Priority Priority, DateTimeOffset? Deadline)[]
        {
            ("w1", 0, Priority.P2, null),
            ("w2", 1, Priority.P1, At(9, 50)),
            ("w3", 2, Priority.P0, null),
            ("w4", 3, Priority.P1, null),
            ("w5", 4, Priority.P1, At(9, 50)),
            ("w6", 5, Priority.P3, At(9, 10)),
        };
        var backlog = new Backlog(Rules());
        foreach (var (id, minute, priority, deadline) in admittedInReverse ? Enumerable.Reverse(arrivals) : arrivals)
        {
            backlog.Enqueue(id, At(9, minute), priority, deadline: deadline);
        }

        // P0 first; then the P1s by deadline (w2 and w5 both 09:50: w2 arrived first; then w4 at 10:03); P2; P3.
        Assert.Equal(new[] { "w3", "w2", "w5", "w4", "w1", "w6" }, OfferAll(backlog, Aoife, At(9, 6)));
        Assert.Equal(0, backlog.Waiting);
        Assert.Null(backlog.OfferBest(Aoife, At(9, 6)));
    }

    [Fact]
    public void The_order_holds_across_languages_for_each_reader()
    {
        // An English P1 from 09:00 and a German P0 from 09:05.
        var backlog = new Backlog(Rules());
        backlog.Enqueue("w1", At(9, 0), Priority.P1, "en");
        backlog.Enqueue("w2", At(9, 5), Priority.P0, "de");

        Assert.Equal("w2", backlog.BestFor(Aoife)?.ItemId);
        Assert.Equal("w2", backlog.BestFor(Greta)?.ItemId);
        Assert.Equal("w1", backlog.BestFor(Cian)?.ItemId);
    }

    [Fact]
    public void The_reason_one_item_comes_first_is_said_in_the_floors_words()
    {
        var p0 = new BacklogEntry(Priority.P0, At(9, 15), At(9, 0), "w1");
        var p3 = new BacklogEntry(Priority.P3, At(9, 5), At(9, 0), "w2");
        var dueFirst = new BacklogEntry(Priority.P1, At(9, 20), At(9, 5), "w3");
        var dueLater = new BacklogEntry(Priority.P1, At(9, 40), At(9, 0), "w4");
        var arrivedFirst = dueLater with { Arrival = At(8, 55), ItemId = "w5" };

        Assert.Equal("it is P0, the other P3", BacklogOrder.WhyBefore(p0, p3));
        Assert.Contains("both are P1 and it is due first", BacklogOrder.WhyBefore(dueFirst, dueLater), StringComparison.Ordinal);
        Assert.Contains("due at the same time, and it arrived first", BacklogOrder.WhyBefore(arrivedFirst, dueLater), StringComparison.Ordinal);
        Assert.Equal("same priority, deadline and arrival: the lower id goes first", BacklogOrder.WhyBefore(dueLater, dueLater with { ItemId = "w6" }));
    }

    private static bool ComesBefore(BacklogEntry first, BacklogEntry second) =>
        BacklogOrder.Instance.Compare(first, second) < 0 && BacklogOrder.Instance.Compare(second, first) > 0;

    private static List<string> OfferAll(Backlog backlog, RoutingCandidate specialist, DateTimeOffset now)
    {
        var offered = new List<string>();
        while (backlog.OfferBest(specialist, now) is { } item)
        {
            offered.Add(item.ItemId);
        }

        return offered;
    }
}
