using Grpc.Core;
using SafetyPlatform.Api.Monitoring.V1;
using QueueLoad = SafetyPlatform.Domain.Monitoring.QueueLoad;
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
        var teamId = TeamStatsName(request.Name);
        new FieldCheck()
            .Require(teamId is not null, "name", request.Name.Length == 0 ? "is required: `teams/{team}/stats`" : "must be `teams/{team}/stats`")
            .ThrowIfAny();
        return (await grains.Reference<ITeamMonitorGrain>(teamId!).GetStats()).ToProto();
    }

    /// <summary>The team id of `teams/{team}/stats`, or null.</summary>
    private static string? TeamStatsName(string name) =>
        name.EndsWith("/stats", StringComparison.Ordinal) && TeamName.TryParse(name[..^"/stats".Length], out var team) ? team.TeamId : null;

    private static (string QueueId, TimeSpan AtRiskWithin) Check(string name, Duration? atRisk)
    {
        var nameOk = QueueStatsName.TryParse(name, out var stats);
        var atRiskWithin = atRisk is { } given ? AsTimeSpan(given) : QueueLoad.DefaultAtRiskWithin;
        new FieldCheck()
            .Require(nameOk, "name", name.Length == 0 ? "is required: `queues/{queue}/stats`" : "must be `queues/{queue}/stats`")
            .Require(atRiskWithin is { } t && t >= TimeSpan.FromSeconds(1) && t <= TimeSpan.FromHours(24), "at_risk_within", "must be from 1 second to 24 hours")
            .ThrowIfAny();
        return (stats.QueueId, atRiskWithin!.Value);
    }

    /// <summary>A duration as a TimeSpan, or null when it is not a valid protobuf duration (mixed signs, nanos out of range).</summary>
    private static TimeSpan? AsTimeSpan(Duration d) =>
        d.Nanos is > -1_000_000_000 and < 1_000_000_000 && Math.Abs(d.Seconds) <= 315_576_000_000 &&
        (d.Seconds >= 0 && d.Nanos >= 0 || d.Seconds <= 0 && d.Nanos <= 0)
            ? d.ToTimeSpan()
            : null;
}
