namespace SafetyPlatform.Domain.Monitoring;

/// <summary>
/// When a queue's numbers call for a lead's attention (docs/METRICS.md, "Alerts"):
/// - SLA at risk: at least one waiting item due within the at-risk threshold, or overdue;
/// - predicted breach: the breach forecast puts the first breach within <see cref="BreachHorizon"/>;
/// - understaffed: fewer specialists staffing the queue than the staffing estimate needs;
/// - queue surge: at least <see cref="SurgeMinimum"/> arrivals in the last whole minute, and at
///   least <see cref="SurgeFactor"/> times the average minute of the 15 minutes before it.
/// </summary>
public static class QueueAlertRules
{
    public static readonly TimeSpan BreachHorizon = TimeSpan.FromMinutes(30);

    public const double SurgeFactor = 3;

    public const int SurgeMinimum = 10;

    /// <summary>The conditions that hold for <paramref name="subject"/>, given its load and its arrivals.</summary>
    public static IReadOnlyList<AlertCondition> Evaluate(
        string subject, QueueLoad load, int arrivalsLastMinute, int arrivalsFifteenMinutesBefore, DateTimeOffset now)
    {
        var holding = new List<AlertCondition>();
        var atRisk = load.AtRisk + load.Overdue;
        if (atRisk > 0)
        {
            holding.Add(new AlertCondition(AlertKind.SlaAtRisk, subject, atRisk, 1,
                $"{load.AtRisk} waiting items due within {load.AtRiskWithin.TotalMinutes:0.#} minutes and {load.Overdue} overdue in {subject}"));
        }

        if (load.Prediction.TimeToFirstBreach(now) is { } toBreach && toBreach <= BreachHorizon)
        {
            holding.Add(new AlertCondition(AlertKind.PredictedBreach, subject, Math.Round(toBreach.TotalMinutes, 1), BreachHorizon.TotalMinutes,
                $"first breach predicted in {toBreach.TotalMinutes:0.#} minutes in {subject} ({load.Prediction.Staffed} staffed)"));
        }

        if (load.Needed is { } needed && load.Prediction.Staffed < needed)
        {
            holding.Add(new AlertCondition(AlertKind.Understaffed, subject, needed - load.Prediction.Staffed, 1,
                $"{subject} needs {needed} specialists and has {load.Prediction.Staffed}"));
        }

        var baseline = arrivalsFifteenMinutesBefore / 15.0;
        if (arrivalsLastMinute >= SurgeMinimum && arrivalsLastMinute >= SurgeFactor * baseline)
        {
            var ratio = baseline == 0 ? double.PositiveInfinity : arrivalsLastMinute / baseline;
            holding.Add(new AlertCondition(AlertKind.QueueSurge, subject, arrivalsLastMinute, Math.Max(SurgeMinimum, SurgeFactor * baseline),
                $"{arrivalsLastMinute} arrivals in the last minute in {subject}, " +
                (double.IsPositiveInfinity(ratio) ? "against none before" : $"{ratio:0.#} times the average minute of the quarter hour before")));
        }

        return holding;
    }
}
