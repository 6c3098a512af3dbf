using Google.Protobuf.WellKnownTypes;
using SafetyPlatform.Api.Monitoring.V1;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Grains.Abstractions.Monitoring;
using BreachPrediction = SafetyPlatform.Api.Monitoring.V1.BreachPrediction;
using PredictedBreach = SafetyPlatform.Domain.Monitoring.BreachPrediction;
using WorkPriority = SafetyPlatform.Api.Work.V1.Priority;

namespace SafetyPlatform.Silo.Api;

/// <summary>Live statistics to their API messages.</summary>
public static class MonitoringMapping
{
    public static QueueStats ToProto(this QueueStatsView view)
    {
        var load = view.Load;
        var stats = new QueueStats
        {
            Name = new QueueStatsName(view.QueueId).ToString(),
            ReadTime = Timestamp.FromDateTimeOffset(load.At),
            Waiting = load.Waiting,
            Reserved = load.Reserved,
            Handling = load.Handling,
            OldestAge = Optional(load.OldestAge),
            AtRiskWithin = Duration.FromTimeSpan(load.AtRiskWithin),
            AtRisk = load.AtRisk,
            Overdue = load.Overdue,
            BreachPrediction = load.Prediction.ToProto(new QueueName(view.QueueId), load.At),
        };
        stats.WaitingByPriority.AddRange(load.WaitingByPriority.OrderBy(p => p.Key)
            .Select(p => new PriorityDepth { Priority = (WorkPriority)p.Key, Waiting = p.Value }));
        stats.Intervals.AddRange(view.Intervals.Select(ToProto));
        return stats;
    }

    private static BreachPrediction ToProto(this PredictedBreach prediction, QueueName queue, DateTimeOffset now) => new()
    {
        BreachPredicted = prediction.FirstBreach is not null,
        FirstBreachTime = prediction.FirstBreach is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        TimeToFirstBreach = Optional(prediction.TimeToFirstBreach(now)),
        WorkItem = prediction.ItemId is { } id ? queue.Item(id).ToString() : string.Empty,
        StaffedSpecialists = prediction.Staffed,
        HandleTime = Optional(prediction.HandleTime),
        UnknownReason = prediction.Unknown ?? string.Empty,
    };

    private static IntervalStats ToProto(QueueIntervalStats i)
    {
        var stats = new IntervalStats
        {
            StartTime = Timestamp.FromDateTimeOffset(i.Interval.Start),
            EndTime = Timestamp.FromDateTimeOffset(i.Interval.End),
            Closed = i.Closed,
            Arrivals = i.Arrivals,
            Offers = i.Offers,
            Accepts = i.Accepts,
            Rejects = i.Rejects,
            Expiries = i.Expiries,
            Withdrawals = i.Withdrawals,
            Releases = i.Releases,
            Completions = i.Completions,
            Escalations = i.Escalations,
            Transfers = i.Transfers,
            CompletedWithinSla = i.CompletedWithinSla,
            AverageWaitToAccept = Optional(i.AverageWaitToAccept),
            P90WaitToAccept = Optional(i.P90WaitToAccept),
            AverageHandleTime = Optional(i.AverageHandleTime),
        };
        if (i.SlaAttainment is { } attainment)
        {
            stats.SlaAttainment = attainment;
        }

        return stats;
    }

    private static Duration? Optional(TimeSpan? value) => value is { } v ? Duration.FromTimeSpan(v) : null;
}
