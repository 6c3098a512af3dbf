using System.Collections.Immutable;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Grains.Monitoring;

/// <summary>
/// A queue's live numbers. Its <see cref="Activity"/> counts every transition the backlog makes,
/// as it makes it; a read measures the backlog then. Measuring walks every waiting item, so a
/// backlog of <see cref="LargeBacklog"/> or more is measured at most once a second per at-risk
/// threshold, and readers within that second share the result: a wall of dashboards costs a
/// big queue little. A watcher waits for the next transition (<see cref="Watch"/>).
/// </summary>
public sealed class QueueMonitor
{
    public const int LargeBacklog = 10_000;

    private static readonly TimeSpan Reuse = TimeSpan.FromSeconds(1);

    /// <summary>How often the queue checks its alert conditions.</summary>
    private static readonly TimeSpan AlertCheck = TimeSpan.FromSeconds(5);

    /// <summary>How often the queue measures its staffing for its teams while none of its items changed (ages and at-risk counts move with the clock).</summary>
    private static readonly TimeSpan StaffingCheck = TimeSpan.FromSeconds(5);

    private readonly string _queueId;
    private readonly TimeProvider _time;
    private readonly ChangeSignal _counted = new();
    private readonly Dictionary<TimeSpan, QueueStatsView> _last = [];
    private bool _storing;
    private DateTimeOffset _alertsCheckedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _lastHeldAt = DateTimeOffset.MinValue;
    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;
    private long _staffingVersion = -1;
    private DateTimeOffset _staffingCheckedAt = DateTimeOffset.MinValue;
    private QueueStaffing? _staffingReported;

    public QueueMonitor(string queueId, TimeProvider time)
    {
        _queueId = queueId;
        _time = time;
        Activity = new QueueActivity(_counted.Fire);
    }

    public QueueActivity Activity { get; }

    /// <summary>A specialist asked the queue for work now.</summary>
    public void NoteActive(string specialistId) => Activity.NoteActive(specialistId, _time.GetUtcNow());

    /// <summary>
    /// The queue's sweep: lets go of minutes and specialists too old to count, stores the
    /// intervals that closed, reports alert conditions, and reports its staffing to the teams that
    /// serve it; what fails is tried on the next sweep.
    /// </summary>
    public void Sweep(Backlog backlog, IQueueStatsStore store, IReadOnlyCollection<string> teamIds, IGrainFactory grains)
    {
        Activity.Forget(_time.GetUtcNow());
        StoreClosed(store).Ignore();
        ReportAlerts(backlog, teamIds, grains).Ignore();
        ReportStaffing(backlog, teamIds, grains);
    }

    /// <summary>
    /// Tells each serving team's monitor the queue's staffing when it changed (item → queue →
    /// team, docs/adr/0017): measured on the sweep after any transition, else every
    /// <see cref="StaffingCheck"/>, and sent only when the numbers differ from those last sent.
    /// A team read then asks no queue.
    /// </summary>
    public void ReportStaffing(Backlog backlog, IReadOnlyCollection<string> teamIds, IGrainFactory grains)
    {
        var now = _time.GetUtcNow();
        if (teamIds.Count == 0 || (Activity.Version == _staffingVersion && now - _staffingCheckedAt < StaffingCheck))
        {
            return;
        }

        _staffingVersion = Activity.Version;
        _staffingCheckedAt = now;
        var staffing = Stats(backlog, QueueLoad.DefaultAtRiskWithin).Staffing();
        if (staffing == _staffingReported)
        {
            return;
        }

        _staffingReported = staffing;
        foreach (var team in teamIds)
        {
            grains.GetGrain<ITeamMonitorGrain>(team).QueueChanged(staffing).Ignore();
        }
    }

    /// <summary>The backlog now, and the current and previous minute and quarter hour.</summary>
    public QueueStatsView Stats(Backlog backlog, TimeSpan atRiskWithin) => Stats(backlog, atRiskWithin, mayReuse: true);

    /// <summary>
    /// The numbers once a transition has been counted since <paramref name="knownVersion"/>, or
    /// after <paramref name="maxWait"/> without one (ages and intervals move on by themselves).
    /// A different version (the queue was reloaded and counts afresh) answers at once.
    /// </summary>
    public async Task<QueueStatsView> Watch(Backlog backlog, long knownVersion, TimeSpan atRiskWithin, TimeSpan maxWait)
    {
        if (Activity.Version == knownVersion)
        {
            await _counted.Wait(maxWait, _time);
        }

        // Never the shared copy: it may predate the change the watcher was woken for.
        return Stats(backlog, atRiskWithin, mayReuse: Activity.Version == knownVersion);
    }

    /// <summary>
    /// Stores the intervals closed since the last call, and once a day deletes those past their
    /// retention. One store at a time; what fails is offered again on the next call.
    /// </summary>
    public async Task StoreClosed(IQueueStatsStore store)
    {
        var now = _time.GetUtcNow();
        var closed = Activity.ClosedSinceStored(now);
        if (_storing || closed.Count == 0)
        {
            return;
        }

        _storing = true;
        try
        {
            await store.Save(_queueId, closed);
            Activity.StoredThrough(closed.Max(i => i.Interval.End));
            if (now - _prunedAt >= TimeSpan.FromDays(1))
            {
                _prunedAt = now;
                await store.DeleteBefore(_queueId, StatsInterval.OneMinute, now - StatsRetention.Minutes);
                await store.DeleteBefore(_queueId, StatsInterval.FifteenMinutes, now - StatsRetention.QuarterHours);
            }
        }
        finally
        {
            _storing = false;
        }
    }

    /// <summary>
    /// Every few seconds, what calls for the serving teams' attention (<see cref="QueueAlertRules"/>),
    /// reported to each team's alert feed, which raises, follows and clears the alerts. While
    /// something held in the last two minutes the queue reports even when nothing holds, so the
    /// feed hears that it ended.
    /// </summary>
    public Task ReportAlerts(Backlog backlog, IReadOnlyCollection<string> teamIds, IGrainFactory grains)
    {
        var now = _time.GetUtcNow();
        if (teamIds.Count == 0 || now - _alertsCheckedAt < AlertCheck)
        {
            return Task.CompletedTask;
        }

        _alertsCheckedAt = now;
        var lastMinute = StatsInterval.Containing(now, StatsInterval.OneMinute).Previous;
        var quarterBefore = new StatsInterval(lastMinute.Start - StatsInterval.FifteenMinutes, StatsInterval.FifteenMinutes);
        var subject = new QueueName(_queueId).ToString();
        var holding = QueueAlertRules.Evaluate(subject, Stats(backlog, QueueLoad.DefaultAtRiskWithin).Load,
            Activity.Interval(lastMinute, now).Arrivals, Activity.Interval(quarterBefore, now).Arrivals, now);
        if (holding.Count > 0)
        {
            _lastHeldAt = now;
        }
        else if (now - _lastHeldAt > AlertBook.ClearAfter * 2)
        {
            return Task.CompletedTask;
        }

        ImmutableArray<AlertCondition> report = [.. holding];
        return Task.WhenAll(teamIds.Select(team => grains.GetGrain<IAlertFeedGrain>(team).Report(subject, report)));
    }

    private QueueStatsView Stats(Backlog backlog, TimeSpan atRiskWithin, bool mayReuse)
    {
        var now = _time.GetUtcNow();
        if (mayReuse && backlog.Waiting >= LargeBacklog && _last.TryGetValue(atRiskWithin, out var last) && now - last.Load.At < Reuse)
        {
            return last;
        }

        var load = QueueLoad.Measure(backlog.WaitingInRoutingOrder(), backlog.Reserved, backlog.Held - backlog.Reserved,
            atRiskWithin, Activity.Staffed(now, backlog.Holders), Activity.RecentHandleTime(now), Activity.RecentArrivals(now), now);
        var minute = StatsInterval.Containing(now, StatsInterval.OneMinute);
        var quarter = StatsInterval.Containing(now, StatsInterval.FifteenMinutes);
        var stats = new QueueStatsView(_queueId, load,
            [.. new[] { minute, minute.Previous, quarter, quarter.Previous }.Select(interval => Activity.Interval(interval, now))],
            Activity.Version);
        if (backlog.Waiting >= LargeBacklog)
        {
            _last[atRiskWithin] = stats;
        }

        return stats;
    }
}
