using System.Globalization;
using Grpc.Core;
using SafetyPlatform.Api.Monitoring.V1;
using QueueLoad = SafetyPlatform.Domain.Monitoring.QueueLoad;
using StatsInterval = SafetyPlatform.Domain.Monitoring.StatsInterval;
using HistoryDays = SafetyPlatform.Domain.Monitoring.HistoryDays;
using StatsRetention = SafetyPlatform.Domain.Monitoring.StatsRetention;
using GroupBy = SafetyPlatform.Api.Monitoring.V1.OrganisationGrouping;
using OrganisationGrouping = SafetyPlatform.Domain.Monitoring.OrganisationGrouping;
using OrganisationTotals = SafetyPlatform.Domain.Monitoring.OrganisationTotals;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Grains.Abstractions.Monitoring;
using SafetyPlatform.Grains.Abstractions.Work;
using Duration = Google.Protobuf.WellKnownTypes.Duration;

namespace SafetyPlatform.Silo.Api;

/// <summary>The monitoring gRPC service: checks the request, asks the grain that keeps the numbers, maps the reply.</summary>
public sealed class MonitoringApi(IGrainFactory grains, TimeProvider time) : MonitoringService.MonitoringServiceBase
{
    /// <summary>A stream sends at most one message per this much time; what changes meanwhile goes in the next.</summary>
    public static readonly TimeSpan Coalescing = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a specialist's stream reads their desk (its numbers come from the desk and the roster, with no single change to wait on).</summary>
    public static readonly TimeSpan SpecialistPoll = TimeSpan.FromMilliseconds(500);

    /// <summary>ListTeamStats looks at no more teams than this in one request.</summary>
    public const int TeamStatsScanLimit = 500;

    /// <summary>A stream sends the numbers at least this often, changed or not.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);

    public override async Task<QueueStats> GetQueueStats(GetQueueStatsRequest request, ServerCallContext context)
    {
        var (queueId, atRiskWithin) = Check(request.Name, request.AtRiskWithin);
        return (await grains.Reference<IQueueGrain>(queueId).GetStats(atRiskWithin)).ToProto();
    }

    public override async Task WatchQueueStats(WatchQueueStatsRequest request, IServerStreamWriter<QueueStats> responseStream, ServerCallContext context)
    {
        var (queueId, atRiskWithin) = Check(request.Name, request.AtRiskWithin);
        var queue = grains.Reference<IQueueGrain>(queueId);
        var cancel = context.CancellationToken;
        var stats = await queue.GetStats(atRiskWithin);
        while (!cancel.IsCancellationRequested)
        {
            await responseStream.WriteAsync(stats.ToProto(), cancel);
            await Task.Delay(Coalescing, time, cancel);
            stats = await queue.WatchStats(stats.Version, atRiskWithin, Refresh - Coalescing).WaitAsync(cancel);
        }
    }

    public override async Task<TeamStats> GetTeamStats(GetTeamStatsRequest request, ServerCallContext context)
    {
        new FieldCheck().StatsName(request.Name, TeamName.Collection, "name", out var teamId).ThrowIfAny();
        return (await grains.Reference<ITeamMonitorGrain>(teamId).GetStats()).ToProto();
    }

    public override async Task<ListQueueStatsHistoryResponse> ListQueueStatsHistory(ListQueueStatsHistoryRequest request, ServerCallContext context)
    {
        var now = time.GetUtcNow();
        var length = request.IntervalLength switch
        {
            IntervalLength.Unspecified or IntervalLength.FifteenMinutes => StatsInterval.FifteenMinutes,
            IntervalLength.OneMinute => StatsInterval.OneMinute,
            _ => (TimeSpan?)null,
        };
        var to = request.EndTime is null ? now : ProtoTimes.AsTime(request.EndTime);
        var from = request.StartTime is null ? to - TimeSpan.FromDays(1) : ProtoTimes.AsTime(request.StartTime);
        var kept = length is { } l ? now - StatsRetention.For(l) : now;
        var list = $"queueStatsHistory/{request.Parent}/{length?.TotalMinutes}";
        new FieldCheck()
            .StatsName(request.Parent, QueueName.Collection, "parent", out var queueId)
            .Require(length is not null, "interval_length", "must be a known interval length")
            .Require(to is not null, "end_time", "must be a valid timestamp")
            .Require(from is not null && (to is null || from < to), "start_time", "must be a valid timestamp before end_time")
            .Require(from is null || from >= kept, "start_time", $"must be within the history kept: {(length == StatsInterval.OneMinute ? "7 days of minutes" : "90 days of quarter hours")}")
            .Require(PageTokens.TryResolvePageSize(request.PageSize, out var pageSize, defaultSize: 100), "page_size", "must be between 0 and 1000")
            .Require(PageTokens.TryDecode(request.PageToken, list, out var after) && (after.Length == 0 || long.TryParse(after, CultureInfo.InvariantCulture, out _)),
                "page_token", "is not a token this list returned; start again with an empty token")
            .ThrowIfAny();

        // The next page starts just after the last interval of the previous one.
        var start = after.Length > 0 ? new DateTimeOffset(long.Parse(after, CultureInfo.InvariantCulture) + 1, TimeSpan.Zero) : from!.Value;
        var page = await grains.Reference<IQueueHistoryGrain>(queueId).Read(length!.Value, start, to!.Value, pageSize);
        var response = new ListQueueStatsHistoryResponse
        {
            NextPageToken = page.More ? PageTokens.Encode(list, page.Intervals[^1].Interval.Start.UtcTicks.ToString(CultureInfo.InvariantCulture)) : string.Empty,
        };
        response.Intervals.AddRange(page.Intervals.Select(i => i.ToProto()));
        return response;
    }

    public override async Task<ListSpecialistStatsHistoryResponse> ListSpecialistStatsHistory(ListSpecialistStatsHistoryRequest request, ServerCallContext context)
    {
        var (days, token) = await DayHistory(request.Parent, SpecialistName.Collection, request.StartDay, request.EndDay, request.PageSize, request.PageToken,
            (id, from, to, size) => grains.Reference<ISpecialistHistoryGrain>(id).Read(from, to, size));
        return new ListSpecialistStatsHistoryResponse { Days = { days }, NextPageToken = token };
    }

    public override async Task<ListTeamStatsHistoryResponse> ListTeamStatsHistory(ListTeamStatsHistoryRequest request, ServerCallContext context)
    {
        var (days, token) = await DayHistory(request.Parent, TeamName.Collection, request.StartDay, request.EndDay, request.PageSize, request.PageToken,
            (id, from, to, size) => grains.Reference<ITeamHistoryGrain>(id).Read(from, to, size));
        return new ListTeamStatsHistoryResponse { Days = { days }, NextPageToken = token };
    }

    /// <summary>A page of closed days of `{collection}/{id}/stats`: the next page starts the day after the last one listed.</summary>
    private static async Task<(IEnumerable<DayStats> Days, string NextPageToken)> DayHistory(string parent, string collection, string startDay, string endDay,
        int requestedPageSize, string pageToken, Func<string, DateOnly?, DateOnly?, int, Task<DayHistoryPage>> read)
    {
        var list = $"dayHistory/{parent}/{startDay}/{endDay}";
        var after = DateOnly.MinValue;
        new FieldCheck()
            .StatsName(parent, collection, "parent", out var id)
            .Require(HistoryDays.TryParseDay(startDay, out var from), "start_day", "must be a date `YYYY-MM-DD`")
            .Require(HistoryDays.TryParseDay(endDay, out var to), "end_day", "must be a date `YYYY-MM-DD`")
            .Require(from is null || to is null || from < to, "start_day", "must be before end_day")
            .Require(PageTokens.TryResolvePageSize(requestedPageSize, out var pageSize, defaultSize: 31, maxSize: 100), "page_size", "must be between 0 and 100")
            .Require(PageTokens.TryDecode(pageToken, list, out var last)
                     && (last.Length == 0 || (HistoryDays.TryParseDay(last, out var lastDay) && HistoryDays.TryDayAfter(lastDay!.Value, out after))),
                "page_token", "is not a token this list returned; start again with an empty token")
            .ThrowIfAny();

        var page = await read(id, after == DateOnly.MinValue ? from : after, to, pageSize);
        var next = page.More ? PageTokens.Encode(list, HistoryDays.Format(page.Days[^1].Day)) : string.Empty;
        return (page.Days.Select(d => d.ToProto()), next);
    }

    public override async Task WatchAlerts(WatchAlertsRequest request, IServerStreamWriter<WatchAlertsResponse> responseStream, ServerCallContext context)
    {
        new FieldCheck().Name(request.Parent, Collections.Teams, "parent", out var teamId).ThrowIfAny();
        var feed = grains.Reference<IAlertFeedGrain>(teamId);
        var cancel = context.CancellationToken;
        var (incarnation, version) = (Guid.Empty, -1L);
        while (!cancel.IsCancellationRequested)
        {
            var changes = await feed.Watch(incarnation, version, Refresh).WaitAsync(cancel);
            if (changes.IsSnapshot || changes.Alerts.Length > 0)
            {
                var message = new WatchAlertsResponse { Snapshot = changes.IsSnapshot };
                message.Alerts.AddRange(changes.Alerts.Select(a => a.ToProto(teamId)));
                await responseStream.WriteAsync(message, cancel);
            }

            (incarnation, version) = (changes.Incarnation, changes.Version);
        }
    }

    public override async Task<Alert> AcknowledgeAlert(AcknowledgeAlertRequest request, ServerCallContext context)
    {
        var nameOk = AlertName.TryParse(request.Name, out var alert);
        new FieldCheck()
            .Require(nameOk, "name", request.Name.Length == 0 ? "is required: `teams/{team}/alerts/{alert}`" : "must be `teams/{team}/alerts/{alert}`")
            .Require(SpecialistName.TryParse(request.AcknowledgedBy, out _) || PersonName.TryParse(request.AcknowledgedBy, out _), "acknowledged_by",
                "must be `specialists/{specialist}` or `people/{person}` (the caller, when left empty)")
            .ThrowIfAny();
        return (await grains.Reference<IAlertFeedGrain>(alert.TeamId).Acknowledge(alert.AlertId, request.AcknowledgedBy)).ToProto(alert.TeamId);
    }

    public override Task WatchTeamStats(WatchTeamStatsRequest request, IServerStreamWriter<TeamStats> responseStream, ServerCallContext context)
    {
        new FieldCheck().StatsName(request.Name, TeamName.Collection, "name", out var teamId).ThrowIfAny();
        return WatchTeam(grains.Reference<ITeamMonitorGrain>(teamId), responseStream, context.CancellationToken);
    }

    /// <summary>
    /// A team stream: waits on the team's monitor for a member's or a queue's report, sends at
    /// most one message per <see cref="Coalescing"/> (what changes meanwhile goes in the next), and
    /// at least every <see cref="Refresh"/>.
    /// </summary>
    private async Task WatchTeam(ITeamMonitorGrain team, IServerStreamWriter<TeamStats> responseStream, CancellationToken cancel)
    {
        var reading = await team.WatchStats(-1, TimeSpan.Zero);
        while (!cancel.IsCancellationRequested)
        {
            await responseStream.WriteAsync(reading.Stats.ToProto(), cancel);
            await Task.Delay(Coalescing, time, cancel);
            reading = await team.WatchStats(reading.Version, Refresh - Coalescing).WaitAsync(cancel);
        }
    }

    public override Task WatchSpecialistStats(WatchSpecialistStatsRequest request, IServerStreamWriter<SpecialistStats> responseStream, ServerCallContext context)
    {
        new FieldCheck().StatsName(request.Name, SpecialistName.Collection, "name", out var specialistId).ThrowIfAny();
        var desk = grains.Reference<ISpecialistDeskGrain>(specialistId);
        return StreamReadings(async () => (await desk.Stats()).ToProto(), stats =>
        {
            // These run with the clock; a change of state, items or counts is what is news.
            stats.ReadTime = null;
            stats.TimeInState = stats.LoggedInTime = stats.HandlingTime = null;
            stats.ClearOccupancy();
            stats.ClearUtilisation();
        }, responseStream, context);
    }

    /// <summary>
    /// A stream of readings of numbers kept in several grains, with no single change to wait on:
    /// read every <see cref="SpecialistPoll"/>, sent when anything but what runs with the clock
    /// (<paramref name="clearRunning"/>) changed, and at least every <see cref="Refresh"/>.
    /// </summary>
    private async Task StreamReadings<T>(Func<Task<T>> read, Action<T> clearRunning, IServerStreamWriter<T> responseStream, ServerCallContext context)
        where T : class, Google.Protobuf.IMessage<T>
    {
        var cancel = context.CancellationToken;
        T? sent = null;
        var sentAt = DateTimeOffset.MinValue;
        while (!cancel.IsCancellationRequested)
        {
            var reading = await read().WaitAsync(cancel);
            if (sent is null || !Same(sent, reading, clearRunning) || time.GetUtcNow() - sentAt >= Refresh)
            {
                await responseStream.WriteAsync(reading, cancel);
                (sent, sentAt) = (reading, time.GetUtcNow());
            }

            await Task.Delay(SpecialistPoll, time, cancel);
        }
    }

    private static bool Same<T>(T a, T b, Action<T> clearRunning)
        where T : class, Google.Protobuf.IMessage<T>
    {
        var (x, y) = (a.Clone(), b.Clone());
        clearRunning(x);
        clearRunning(y);
        return x.Equals(y);
    }

    public override async Task<ListTeamStatsResponse> ListTeamStats(ListTeamStatsRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .Text(request.Site, TextRules.MaxDisplayName, "site")
            .Text(request.Vendor, TextRules.MaxDisplayName, "vendor")
            .Require(PageTokens.TryResolvePageSize(request.PageSize, out var pageSize, defaultSize: 20, maxSize: 100), "page_size", "must be between 0 and 100")
            .PageToken(request.PageToken, TeamStatsList(request), out var afterTeamId)
            .ThrowIfAny();
        var page = await grains.Reference<IOrganisationMonitorGrain>(IOrganisationMonitorGrain.Organisation)
            .ListTeams(request.Site, request.Vendor, afterTeamId, pageSize, TeamStatsScanLimit);
        var response = new ListTeamStatsResponse
        {
            NextPageToken = page.LastLookedAt.Length > 0 ? PageTokens.Encode(TeamStatsList(request), page.LastLookedAt) : string.Empty,
        };
        response.Teams.AddRange(page.Teams.Select(t => t.ToProto()));
        return response;
    }

    /// <summary>A token names its filter, so it is refused by a request with another.</summary>
    private static string TeamStatsList(ListTeamStatsRequest request) => $"teamStats/{request.Site}/{request.Vendor}";

    public override async Task<OrganisationStats> GetOrganisationStats(GetOrganisationStatsRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .Text(request.Site, TextRules.MaxDisplayName, "site")
            .Text(request.Vendor, TextRules.MaxDisplayName, "vendor")
            .ThrowIfAny();
        var view = await grains.Reference<IOrganisationMonitorGrain>(IOrganisationMonitorGrain.Organisation)
            .Totals(OrganisationGrouping.Whole, request.Site, request.Vendor);
        var totals = view.Groups.GetValueOrDefault(string.Empty, OrganisationTotals.None(time.GetUtcNow()));
        return totals.ToProto(request.Site, request.Vendor, view.TeamsNotReporting);
    }

    public override async Task<ListOrganisationStatsResponse> ListOrganisationStats(ListOrganisationStatsRequest request, ServerCallContext context)
    {
        new FieldCheck()
            .Require(request.GroupBy is GroupBy.Site or GroupBy.Vendor,
                "group_by", "must be ORGANISATION_GROUPING_SITE or ORGANISATION_GROUPING_VENDOR")
            .Text(request.Site, TextRules.MaxDisplayName, "site")
            .Text(request.Vendor, TextRules.MaxDisplayName, "vendor")
            .Require(PageTokens.TryResolvePageSize(request.PageSize, out var pageSize, defaultSize: 20, maxSize: 100), "page_size", "must be between 0 and 100")
            .PageToken(request.PageToken, OrganisationStatsList(request), out var after)
            .ThrowIfAny();
        var bySite = request.GroupBy == GroupBy.Site;
        var view = await grains.Reference<IOrganisationMonitorGrain>(IOrganisationMonitorGrain.Organisation)
            .Totals(bySite ? OrganisationGrouping.Site : OrganisationGrouping.Vendor, request.Site, request.Vendor);

        // A group's key may be empty (teams with no site or vendor), so a token holds '=' and the last key.
        var groups = view.Groups.Keys.Order(StringComparer.Ordinal)
            .Where(key => after.Length == 0 || string.CompareOrdinal(key, after[1..]) > 0)
            .Take(pageSize + 1)
            .ToList();
        var response = new ListOrganisationStatsResponse
        {
            NextPageToken = groups.Count > pageSize ? PageTokens.Encode(OrganisationStatsList(request), "=" + groups[pageSize - 1]) : string.Empty,
        };
        response.Groups.AddRange(groups.Take(pageSize).Select(key => view.Groups[key]
            .ToProto(bySite ? key : request.Site, bySite ? request.Vendor : key, view.TeamsNotReporting)));
        return response;
    }

    private static string OrganisationStatsList(ListOrganisationStatsRequest request) => $"organisationStats/{request.GroupBy}/{request.Site}/{request.Vendor}";

    public override async Task<SpecialistStats> GetSpecialistStats(GetSpecialistStatsRequest request, ServerCallContext context)
    {
        new FieldCheck().StatsName(request.Name, SpecialistName.Collection, "name", out var specialistId).ThrowIfAny();
        return (await grains.Reference<ISpecialistDeskGrain>(specialistId).Stats()).ToProto();
    }

    private static (string QueueId, TimeSpan AtRiskWithin) Check(string name, Duration? atRisk)
    {
        var atRiskWithin = atRisk is { } given ? ProtoTimes.AsTimeSpan(given) : QueueLoad.DefaultAtRiskWithin;
        new FieldCheck()
            .StatsName(name, QueueName.Collection, "name", out var queueId)
            .Require(atRiskWithin is { } t && t >= TimeSpan.FromSeconds(1) && t <= TimeSpan.FromHours(24), "at_risk_within", "must be from 1 second to 24 hours")
            .ThrowIfAny();
        return (queueId, atRiskWithin!.Value);
    }
}
