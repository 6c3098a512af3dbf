using SafetyPlatform.Domain.Quality;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Monitoring;

/// <summary>
/// One closed day of one specialist, or of a team (the sum of its members' closed days): the
/// counts, the time in each activity state, and the ratios made from them. A team's ratios are
/// over its sums (total handling over total logged in), so each member weighs by their time
/// and their items. docs/METRICS.md, "Specialist and team history", gives every formula.
/// </summary>
public sealed record DayTotals(
    DateOnly Day,
    int Specialists,
    int Offers,
    int Rejected,
    int Expired,
    int Handled,
    int CompletedWithinSla,
    TimeSpan HandleTime,
    int Escalated,
    int Released,
    IReadOnlyDictionary<ActivityState, TimeSpan> TimeIn,
    QualityTally Quality)
{
    /// <summary>The totals of <paramref name="closedDays"/>, all of the same day (one per specialist).</summary>
    public static DayTotals Of(IReadOnlyCollection<SpecialistDayRecord> closedDays)
    {
        var day = closedDays.Select(d => d.Day).Distinct().Single();
        return new DayTotals(
            day,
            closedDays.Count,
            closedDays.Sum(d => d.Offers),
            closedDays.Sum(d => d.Rejected),
            closedDays.Sum(d => d.Expired),
            closedDays.Sum(d => d.Handled),
            closedDays.Sum(d => d.CompletedWithinSla),
            closedDays.Aggregate(TimeSpan.Zero, (sum, d) => sum + d.HandleTime),
            closedDays.Sum(d => d.Escalated),
            closedDays.Sum(d => d.Released),
            closedDays.SelectMany(d => d.TimeIn).GroupBy(t => t.Key)
                .ToDictionary(g => g.Key, g => g.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Value)),
            QualityTally.Sum(closedDays.Select(d => d.Quality ?? QualityTally.None)));
    }

    /// <summary>Time in <paramref name="state"/>.</summary>
    public TimeSpan In(ActivityState state) => TimeIn.GetValueOrDefault(state);

    /// <summary>Time in any state but OFFLINE.</summary>
    public TimeSpan LoggedIn => TimeIn.Where(t => t.Key is not (ActivityState.Offline or ActivityState.Unspecified))
        .Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Value);

    /// <summary>Time HANDLING over time logged in; null when nobody logged in.</summary>
    public double? Occupancy => Share(In(ActivityState.Handling));

    /// <summary>Time AVAILABLE or HANDLING over time logged in; null when nobody logged in.</summary>
    public double? Utilisation => Share(In(ActivityState.Available) + In(ActivityState.Handling));

    /// <summary>Mean handle time of the day's completions; null when there were none.</summary>
    public TimeSpan? AverageHandleTime => Handled == 0 ? null : HandleTime / Handled;

    /// <summary>Share of the day's completions at or before their deadline; null when there were none.</summary>
    public double? SlaAttainment => Handled == 0 ? null : (double)CompletedWithinSla / Handled;

    private double? Share(TimeSpan part) => LoggedIn <= TimeSpan.Zero ? null : part / LoggedIn;
}
