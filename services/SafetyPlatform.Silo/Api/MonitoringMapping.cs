using Google.Protobuf.WellKnownTypes;
using SafetyPlatform.Api.Monitoring.V1;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Grains.Abstractions.Monitoring;
using BreachPrediction = SafetyPlatform.Api.Monitoring.V1.BreachPrediction;
using DomainBreachPrediction = SafetyPlatform.Domain.Monitoring.BreachPrediction;
using Alert = SafetyPlatform.Api.Monitoring.V1.Alert;
using AlertKind = SafetyPlatform.Api.Monitoring.V1.AlertKind;
using QueueStaffing = SafetyPlatform.Api.Monitoring.V1.QueueStaffing;
using RosterState = SafetyPlatform.Api.Roster.V1.ActivityState;
using TeamStats = SafetyPlatform.Api.Monitoring.V1.TeamStats;
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
        stats.Staffing = Staffing(load.Prediction.Staffed, load.Needed, load.RecentArrivals, load.Prediction.HandleTime);
        return stats;
    }

    public static TeamStats ToProto(this Domain.Monitoring.TeamStats team)
    {
        var stats = new TeamStats
        {
            Name = new TeamName(team.TeamId) + "/stats",
            Site = team.Site,
            Vendor = team.Vendor,
            ReadTime = Timestamp.FromDateTimeOffset(team.At),
        }.With(team);
        stats.Queues.AddRange(team.Queues.Select(q => new QueueStaffing
        {
            Queue = new QueueName(q.QueueId).ToString(),
            Waiting = q.Waiting,
            AtRisk = q.AtRisk,
            Overdue = q.Overdue,
            Staffing = Staffing(q.Staffed, q.Needed, q.RecentArrivals, q.HandleTime),
            CurrentQuarter = ToProto(q.Quarter),
        }));
        return stats;
    }

    public static OrganisationStats ToProto(this OrganisationTotals totals, string site, string vendor, int teamsNotReporting) =>
        new OrganisationStats
        {
            Site = site,
            Vendor = vendor,
            ReadTime = Timestamp.FromDateTimeOffset(totals.At),
            Teams = totals.Teams,
            TeamsNotReporting = teamsNotReporting,
            Queues = totals.Queues.Count,
            Waiting = totals.Waiting,
            AtRisk = totals.AtRisk,
        }.With(totals);

    /// <summary>Fills the numbers a team and a set of teams share; optional ones stay unset when unknown.</summary>
    private static T With<T>(this T message, IFloorTotals totals)
        where T : IFloorNumbers
    {
        message.OnQueue = totals.OnQueue;
        message.Completions = totals.Completions;
        message.Quality = totals.Quality.ToProto();
        message.AverageHandleTime = Optional(totals.AverageHandleTime);
        if (totals.Needed is { } needed)
        {
            message.NeededSpecialists = needed;
        }

        if (totals.SlaAttainment is { } attainment)
        {
            message.SlaAttainment = attainment;
        }

        if (totals.Occupancy is { } occupancy)
        {
            message.Occupancy = occupancy;
        }

        message.MembersByState.AddRange(totals.MembersByState.OrderBy(s => s.Key)
            .Select(s => new StateCount { ActivityState = (RosterState)s.Key, Members = s.Value }));
        return message;
    }

    public static Alert ToProto(this Domain.Monitoring.Alert alert, string teamId) => new()
    {
        Name = new AlertName(teamId, alert.AlertId).ToString(),
        Kind = (AlertKind)alert.Kind,
        Subject = alert.Subject,
        Summary = alert.Summary,
        Value = alert.Value,
        Threshold = alert.Threshold,
        RaiseTime = Timestamp.FromDateTimeOffset(alert.RaisedAt),
        UpdateTime = Timestamp.FromDateTimeOffset(alert.UpdatedAt),
        ClearTime = alert.ClearedAt is { } cleared ? Timestamp.FromDateTimeOffset(cleared) : null,
        AcknowledgeTime = alert.AcknowledgedAt is { } acknowledged ? Timestamp.FromDateTimeOffset(acknowledged) : null,
        AcknowledgedBy = alert.AcknowledgedBy,
    };

    public static DayStats ToProto(this DayTotals d)
    {
        var stats = new DayStats { Day = HistoryDays.Format(d.Day), Specialists = d.Specialists }.With(d);
        stats.TimeInState.AddRange(d.TimeIn.Where(t => t.Value > TimeSpan.Zero).OrderBy(t => t.Key)
            .Select(t => new StateTime { ActivityState = (RosterState)t.Key, Time = Duration.FromTimeSpan(t.Value) }));
        return stats;
    }

    public static SpecialistStats ToProto(this SpecialistStatsView s)
    {
        var stats = new SpecialistStats
        {
            Name = new SpecialistName(s.SpecialistId) + "/stats",
            ReadTime = Timestamp.FromDateTimeOffset(s.ReadTime),
            Team = new TeamName(s.TeamId).ToString(),
            ActivityState = (RosterState)s.ActivityState,
            TimeInState = Duration.FromTimeSpan(s.ReadTime > s.ActivityStateStart ? s.ReadTime - s.ActivityStateStart : TimeSpan.Zero),
            Day = HistoryDays.Format(s.Today.Day),
        }.With(s.Today);
        stats.HeldWorkItems.AddRange(s.Held.Select(h => new QueueName(h.Queue).Item(h.Item).ToString()));
        stats.OfferedWorkItems.AddRange(s.Offered.Select(o => new QueueName(o.Queue).Item(o.Item).ToString()));
        return stats;
    }

    /// <summary>Sets a day's counts, times and ratios on <paramref name="message"/>; a ratio with nothing to divide by stays unset.</summary>
    private static T With<T>(this T message, DayTotals day)
        where T : IDayNumbers
    {
        message.Handled = day.Handled;
        message.CompletedWithinSla = day.CompletedWithinSla;
        message.Quality = day.Quality.ToProto();
        message.AverageHandleTime = Optional(day.AverageHandleTime)!;   // null leaves the message field unset
        message.Offers = day.Offers;
        message.Rejected = day.Rejected;
        message.Expired = day.Expired;
        message.Released = day.Released;
        message.Escalated = day.Escalated;
        message.LoggedInTime = Duration.FromTimeSpan(day.LoggedIn);
        message.HandlingTime = Duration.FromTimeSpan(day.In(Domain.Roster.ActivityState.Handling));
        if (day.SlaAttainment is { } attainment)
        {
            message.SlaAttainment = attainment;
        }

        if (day.Occupancy is { } occupancy)
        {
            message.Occupancy = occupancy;
        }

        if (day.Utilisation is { } utilisation)
        {
            message.Utilisation = utilisation;
        }

        return message;
    }

    private static Staffing Staffing(int staffed, int? needed, int recentArrivals, TimeSpan? handleTime)
    {
        var staffing = new Staffing { StaffedSpecialists = staffed, RecentArrivals = recentArrivals, HandleTime = Optional(handleTime) };
        if (needed is { } n)
        {
            staffing.NeededSpecialists = n;
        }

        return staffing;
    }

    private static BreachPrediction ToProto(this DomainBreachPrediction prediction, QueueName queue, DateTimeOffset now) => new()
    {
        BreachPredicted = prediction.FirstBreach is not null,
        FirstBreachTime = prediction.FirstBreach is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        TimeToFirstBreach = Optional(prediction.TimeToFirstBreach(now)),
        WorkItem = prediction.ItemId is { } id ? queue.Item(id).ToString() : string.Empty,
        StaffedSpecialists = prediction.Staffed,
        HandleTime = Optional(prediction.HandleTime),
        UnknownReason = prediction.UnknownReason ?? string.Empty,
    };

    public static IntervalStats ToProto(this QueueIntervalStats i)
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
            Quality = i.Quality.ToProto(),
        };
        if (i.SlaAttainment is { } attainment)
        {
            stats.SlaAttainment = attainment;
        }

        return stats;
    }

    private static Duration? Optional(TimeSpan? value) => value is { } v ? Duration.FromTimeSpan(v) : null;
}
