using System.Collections.Immutable;
using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Abstractions.Monitoring;

/// <summary>
/// A queue's live numbers: its backlog now, and its current and previous 1- and 15-minute
/// intervals. <see cref="Version"/> counts the transitions behind them, so a watcher can tell a
/// change from a refresh.
/// </summary>
[GenerateSerializer, Immutable, Alias("safety.QueueStatsView")]
public sealed record QueueStatsView(
    [property: Id(0)] string QueueId,
    [property: Id(1)] QueueLoad Load,
    [property: Id(2)] ImmutableArray<QueueIntervalStats> Intervals,
    [property: Id(3)] long Version)
{
    /// <summary>The current quarter hour (the third interval).</summary>
    public QueueIntervalStats CurrentQuarter => Intervals[2];

    /// <summary>The queue as a team's lead sees it among the team's queues.</summary>
    public QueueStaffing Staffing() => new(QueueId, Load.Waiting, Load.AtRisk, Load.Overdue, Load.Prediction.Staffed, Load.Needed,
        Load.RecentArrivals, Load.Prediction.HandleTime, CurrentQuarter);
}
