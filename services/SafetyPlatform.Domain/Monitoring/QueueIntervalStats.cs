using SafetyPlatform.Domain.Quality;

namespace SafetyPlatform.Domain.Monitoring;

/// <summary>
/// A queue's numbers for one interval. A closed interval (it has ended) never changes; the
/// current one grows until it ends. Averages and the attainment are null when nothing was
/// there to measure, rather than a misleading zero.
/// </summary>
public sealed record QueueIntervalStats(
    StatsInterval Interval,
    bool Closed,
    int Arrivals,
    int Offers,
    int Accepts,
    int Rejects,
    int Expiries,
    int Withdrawals,
    int Releases,
    int Completions,
    int Escalations,
    int Transfers,
    int CompletedWithinSla,
    double? SlaAttainment,
    TimeSpan? AverageWaitToAccept,
    TimeSpan? P90WaitToAccept,
    TimeSpan? AverageHandleTime,
    QualityTally Quality)
{
    /// <summary>The numbers of <paramref name="interval"/>, from what was counted in it.</summary>
    public static QueueIntervalStats From(StatsInterval interval, bool closed, ItemTransitionTally tally) => new(
        interval,
        closed,
        tally.Arrivals,
        tally.Offers,
        tally.Accepts,
        tally.Rejects,
        tally.Expiries,
        tally.Withdrawals,
        tally.Releases,
        tally.Completions,
        tally.Escalations,
        tally.Transfers,
        tally.CompletedWithinSla,
        tally.Completions == 0 ? null : (double)tally.CompletedWithinSla / tally.Completions,
        tally.WaitsToAccept.Count == 0 ? null : tally.WaitsToAccept.Aggregate(TimeSpan.Zero, (sum, w) => sum + w) / tally.WaitsToAccept.Count,
        Percentile.NearestRank(tally.WaitsToAccept, 90),
        tally.Completions == 0 ? null : tally.HandleTime / tally.Completions,
        tally.Quality);
}
