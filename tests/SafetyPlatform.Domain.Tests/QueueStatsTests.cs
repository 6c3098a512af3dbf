using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Work;
using static SafetyPlatform.Domain.Tests.WorkFixtures;

namespace SafetyPlatform.Domain.Tests;

/// <summary>
/// Five minutes of queues/hate-en (SLA: P0 15 min, P1 1 h, P2 8 h; offers held 30 s), counted
/// as they happen and read back at 09:05, worked out by hand:
///
/// | time     | what happens                                              |
/// | -------- | --------------------------------------------------------- |
/// | 09:00:00 | w1 (P1, due 10:00) arrives                                |
/// | 09:00:10 | w2 (P2, due 17:00:10) arrives                             |
/// | 09:00:20 | w3 (P2, due 17:00:20) arrives                             |
/// | 09:00:30 | w1 offered to Aoife; she accepts at 09:00:40 (waited 40 s)|
/// | 09:00:45 | w2 offered to Bríd; she rejects it at 09:00:50            |
/// | 09:00:55 | w2 offered to Cian; he accepts at 09:01:05 (waited 55 s)  |
/// | 09:01:30 | Aoife completes w1 (handled 50 s, in time)                |
/// | 09:02:00 | w3 offered to Bríd; the offer expires at 09:02:30         |
/// | 09:02:10 | w4 (P0, explicitly due 09:03) arrives                     |
/// | 09:02:15 | w4 offered to Aoife; she accepts at 09:02:20 (waited 10 s)|
/// | 09:03:00 | Cian completes w2 (handled 1 min 55 s, in time)           |
/// | 09:04:20 | Aoife completes w4 (handled 2 min, 1 min 20 s late)       |
/// </summary>
public class QueueStatsTests
{
    private readonly QueueActivity _activity = new();
    private readonly Backlog _backlog;

    public QueueStatsTests()
    {
        _backlog = new Backlog(Rules(), activity: _activity);
        _backlog.Enqueue("w1", At(9, 0, 0), Priority.P1);
        _backlog.Enqueue("w2", At(9, 0, 10));
        _backlog.Enqueue("w3", At(9, 0, 20));
        _backlog.OfferBest(Aoife, At(9, 0, 30));
        _backlog.Accept("w1", "aoife", At(9, 0, 40));
        _backlog.OfferBest(Brid, At(9, 0, 45));
        _backlog.Reject("w2", "brid", "outside my training", At(9, 0, 50));
        _backlog.OfferBest(Cian, At(9, 0, 55));
        _backlog.Accept("w2", "cian", At(9, 1, 5));
        _backlog.Complete("w1", "aoife", Removal, 1, At(9, 1, 30));
        _backlog.OfferBest(Brid, At(9, 2, 0));
        _backlog.Enqueue("w4", At(9, 2, 10), Priority.P0, deadline: At(9, 3, 0));
        _backlog.OfferBest(Aoife, At(9, 2, 15));
        _backlog.Accept("w4", "aoife", At(9, 2, 20));
        _backlog.ExpireDue(At(9, 2, 30));
        _backlog.Complete("w2", "cian", Removal, 2, At(9, 3, 0));
        _backlog.Complete("w4", "aoife", Removal, 3, At(9, 4, 20));
    }

    [Fact]
    public void The_first_minute_counts_what_happened_from_09_00_to_09_01()
    {
        var minute = _activity.Interval(StatsInterval.Containing(At(9, 0), StatsInterval.OneMinute), At(9, 5));

        Assert.True(minute.Closed);
        Assert.Equal(3, minute.Arrivals);
        Assert.Equal(3, minute.Offers);
        Assert.Equal(1, minute.Accepts);
        Assert.Equal(1, minute.Rejects);
        Assert.Equal(0, minute.Completions);
        Assert.Equal(TimeSpan.FromSeconds(40), minute.AverageWaitToAccept);
        Assert.Null(minute.SlaAttainment);
        Assert.Null(minute.AverageHandleTime);
    }

    [Fact]
    public void The_quarter_hour_adds_up_its_minutes()
    {
        var quarter = _activity.Interval(StatsInterval.Containing(At(9, 5), StatsInterval.FifteenMinutes), At(9, 5));

        Assert.False(quarter.Closed);
        Assert.Equal(At(9, 0), quarter.Interval.Start);
        Assert.Equal(At(9, 15), quarter.Interval.End);
        Assert.Equal(4, quarter.Arrivals);
        Assert.Equal(5, quarter.Offers);
        Assert.Equal(3, quarter.Accepts);
        Assert.Equal(1, quarter.Rejects);
        Assert.Equal(1, quarter.Expiries);
        Assert.Equal(3, quarter.Completions);
        Assert.Equal(0, quarter.Escalations);
        Assert.Equal(0, quarter.Transfers);
    }

    [Fact]
    public void SLA_attainment_is_the_share_of_completions_at_or_before_their_deadline()
    {
        var quarter = _activity.Interval(StatsInterval.Containing(At(9, 5), StatsInterval.FifteenMinutes), At(9, 5));

        // w1 and w2 in time, w4 late: 2 of 3.
        Assert.Equal(2, quarter.CompletedWithinSla);
        Assert.Equal(2.0 / 3, quarter.SlaAttainment);
    }

    [Fact]
    public void Wait_to_accept_runs_from_arrival_to_accept_and_its_p90_is_a_wait_that_happened()
    {
        var quarter = _activity.Interval(StatsInterval.Containing(At(9, 5), StatsInterval.FifteenMinutes), At(9, 5));

        // Waits 40 s, 55 s and 10 s: average 35 s; p90 is the 3rd of 3 in order (rank ⌈0.9 × 3⌉ = 3): 55 s.
        Assert.Equal(TimeSpan.FromSeconds(35), quarter.AverageWaitToAccept);
        Assert.Equal(TimeSpan.FromSeconds(55), quarter.P90WaitToAccept);
    }

    [Fact]
    public void Average_handle_time_is_the_mean_from_accept_to_complete()
    {
        var quarter = _activity.Interval(StatsInterval.Containing(At(9, 5), StatsInterval.FifteenMinutes), At(9, 5));

        // 50 s + 115 s + 120 s = 285 s over 3 items.
        Assert.Equal(TimeSpan.FromSeconds(95), quarter.AverageHandleTime);
        Assert.Equal(TimeSpan.FromSeconds(95), _activity.RecentHandleTime(At(9, 5)));
    }

    [Fact]
    public void Everyone_who_took_turned_down_or_let_lapse_an_offer_in_the_last_5_minutes_staffs_the_queue()
    {
        // Last seen: Bríd at 09:02:00 (the offer that lapsed), Cian at 09:03:00, Aoife at 09:04:20.
        Assert.Equal(3, _activity.Staffed(At(9, 5), _backlog.Holders));
        Assert.Equal(2, _activity.Staffed(At(9, 7, 1), _backlog.Holders));
        Assert.Equal(1, _activity.Staffed(At(9, 8, 1), _backlog.Holders));
        Assert.Equal(0, _activity.Staffed(At(9, 9, 21), _backlog.Holders));
    }

    [Fact]
    public void Someone_working_on_a_long_item_staffs_the_queue_however_long_it_takes()
    {
        _backlog.Enqueue("w7", At(9, 6), Priority.P0);
        _backlog.OfferBest(Cian, At(9, 6, 5));
        _backlog.Accept("w7", "cian", At(9, 6, 10));

        // 20 minutes on: Cian has not asked for work since, but holds w7.
        Assert.Equal(1, _activity.Staffed(At(9, 26), _backlog.Holders));
    }

    [Fact]
    public void The_load_at_09_05_is_w3_waiting_again_after_its_offer_lapsed()
    {
        var load = QueueLoad.Measure(_backlog.WaitingInRoutingOrder(), _backlog.Reserved, _backlog.Held - _backlog.Reserved,
            TimeSpan.FromMinutes(5), _activity.Staffed(At(9, 5), _backlog.Holders), _activity.RecentHandleTime(At(9, 5)), _activity.RecentArrivals(At(9, 5)), At(9, 5));

        Assert.Equal(1, load.Waiting);
        Assert.Equal(1, load.WaitingByPriority[Priority.P2]);
        Assert.Equal(0, load.Reserved);
        Assert.Equal(0, load.Handling);
        Assert.Equal(new TimeSpan(0, 4, 40), load.OldestAge);
        Assert.Equal(0, load.AtRisk);
        Assert.Equal(0, load.Overdue);
        Assert.Null(load.Prediction.FirstBreach);
        Assert.Equal(3, load.Prediction.Staffed);
        Assert.Equal(TimeSpan.FromSeconds(95), load.Prediction.HandleTime);
        // Staffing: 4 arrivals in 15 min × 95 s = 0.42 specialists to keep up, 1 waiting × 95 s ÷ 15 min = 0.11 to clear: 1.
        Assert.Equal(4, load.RecentArrivals);
        Assert.Equal(1, load.Needed);
    }

    [Fact]
    public void An_escalated_item_counts_where_it_left_and_as_an_arrival_where_it_came()
    {
        var leads = new QueueActivity();
        var leadQueue = new Backlog(Rules(), activity: leads);
        _backlog.Enqueue("w5", At(9, 6), Priority.P1);
        _backlog.OfferBest(Aoife, At(9, 6, 10));
        _backlog.Accept("w5", "aoife", At(9, 6, 20));
        var escalated = _backlog.Escalate("w5", "aoife", "leads", "credible threat", At(9, 7));
        leadQueue.ReceiveEscalation(escalated, 0, QueueId, "credible threat", At(9, 7, 5));
        leadQueue.OfferBest(Brid, At(9, 8));
        leadQueue.Accept("w5", "brid", At(9, 8, 5));

        var here = _activity.Interval(StatsInterval.Containing(At(9, 7), StatsInterval.OneMinute), At(9, 10));
        var there = leads.Interval(StatsInterval.Containing(At(9, 7), StatsInterval.FifteenMinutes), At(9, 10));

        Assert.Equal(1, here.Escalations);
        Assert.Equal(0, here.Completions);
        Assert.Equal(1, there.Arrivals);
        // Its wait there starts when it came there (09:07:05), not when it first arrived (09:06).
        Assert.Equal(TimeSpan.FromSeconds(60), there.AverageWaitToAccept);
    }

    [Fact]
    public void An_item_released_and_taken_again_counts_two_accepts_but_one_wait()
    {
        _backlog.Enqueue("w6", At(9, 6), Priority.P0);
        _backlog.OfferBest(Cian, At(9, 6, 30));
        _backlog.Accept("w6", "cian", At(9, 6, 45));                     // waited 45 s
        _backlog.Release("w6", "cian", "needs a German reader", At(9, 7));
        _backlog.OfferBest(Aoife, At(9, 8));
        _backlog.Accept("w6", "aoife", At(9, 8, 10));                    // a second accept, not a second wait

        var minutes = _activity.Interval(new StatsInterval(At(9, 6), TimeSpan.FromMinutes(3)), At(9, 10));

        Assert.Equal(2, minutes.Accepts);
        Assert.Equal(1, minutes.Releases);
        Assert.Equal(TimeSpan.FromSeconds(45), minutes.AverageWaitToAccept);
    }

    [Fact]
    public void Closed_minutes_and_quarter_hours_with_something_in_them_are_offered_for_storing_once()
    {
        // At 09:03:30 the minutes from 09:00, 09:01 and 09:02 have closed; the quarter has not.
        var first = _activity.ClosedSinceStored(At(9, 3, 30));
        Assert.Equal([At(9, 0), At(9, 1), At(9, 2)], first.Select(i => i.Interval.Start));
        Assert.All(first, i => Assert.Equal(StatsInterval.OneMinute, i.Interval.Length));
        _activity.StoredThrough(first.Max(i => i.Interval.End));

        // At 09:15 the 09:03 and 09:04 minutes and the whole quarter from 09:00 have closed.
        var next = _activity.ClosedSinceStored(At(9, 15));
        Assert.Equal([(At(9, 3), 1), (At(9, 4), 1), (At(9, 0), 15)], next.Select(i => (i.Interval.Start, (int)i.Interval.Length.TotalMinutes)));
        Assert.Equal(4, next[^1].Arrivals);
        _activity.StoredThrough(At(9, 15));

        Assert.Empty(_activity.ClosedSinceStored(At(9, 20)));
    }

    [Fact]
    public void Minutes_older_than_30_minutes_are_let_go()
    {
        var firstQuarter = StatsInterval.Containing(At(9, 0), StatsInterval.FifteenMinutes);
        Assert.Equal(4, _activity.Interval(firstQuarter, At(9, 10)).Arrivals);

        _activity.Forget(At(9, 40));

        // Asked as if it were still 09:10, the minutes from 09:00 to 09:09 are gone.
        Assert.Equal(0, _activity.Interval(firstQuarter, At(9, 10)).Arrivals);
        Assert.Throws<ArgumentOutOfRangeException>(() => _activity.Interval(firstQuarter, At(9, 40)));
    }

    [Fact]
    public void A_completion_exactly_at_its_deadline_is_within_the_SLA()
    {
        _backlog.Enqueue("w8", At(9, 10), Priority.P0, deadline: At(9, 12));
        _backlog.OfferBest(Aoife, At(9, 10, 5));
        _backlog.Accept("w8", "aoife", At(9, 10, 10));
        _backlog.Complete("w8", "aoife", Removal, 4, At(9, 12));

        var minute = _activity.Interval(StatsInterval.Containing(At(9, 12), StatsInterval.OneMinute), At(9, 13));

        Assert.Equal(1, minute.CompletedWithinSla);
        Assert.Equal(1.0, minute.SlaAttainment);
    }
}
