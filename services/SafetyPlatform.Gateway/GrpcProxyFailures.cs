using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace SafetyPlatform.Gateway;

/// <summary>
/// Turns a failed proxy attempt (no healthy silo, connection refused, silo died) into a
/// proper gRPC answer: status UNAVAILABLE, trailers-only, so clients see a retryable gRPC
/// status instead of a bare HTTP 502/503 that they would report as INTERNAL or UNKNOWN.
/// </summary>
public sealed partial class GrpcProxyFailures(ILogger<GrpcProxyFailures> logger, TimeProvider time)
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private DateTimeOffset _lastLogged = DateTimeOffset.MinValue;
    private int _suppressed;

    public async Task Handle(HttpContext context, Func<Task> next)
    {
        await next();
        var failure = context.GetForwarderErrorFeature();
        if (failure is null)
        {
            return;
        }

        Summarise(failure.Error, context.Request.Path);
        if (context.Response.HasStarted || !IsGrpc(context.Request))
        {
            return;
        }

        var (status, message) = failure.Error switch
        {
            ForwarderError.NoAvailableDestinations => (Grpc.Core.StatusCode.Unavailable, "no silo is available to serve the call"),
            // The route's time limit for unary calls ran out (GatewayOptions.UnaryCallTimeout).
            ForwarderError.RequestTimedOut => (Grpc.Core.StatusCode.DeadlineExceeded, "the call took longer than the gateway allows"),
            _ => (Grpc.Core.StatusCode.Unavailable, $"the silo serving the call failed ({failure.Error}); retry the call"),
        };
        GrpcAnswer.Write(context, status, message);
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>During an outage every call fails; log the first failure, then a count every few seconds.</summary>
    private void Summarise(ForwarderError error, PathString path)
    {
        int suppressed;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _lastLogged < LogEvery)
            {
                _suppressed++;
                return;
            }

            suppressed = _suppressed;
            _suppressed = 0;
            _lastLogged = now;
        }

        LogFailure(logger, error, path, suppressed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proxying {Path} failed: {Error} ({Suppressed} similar failures since the last report)")]
    private static partial void LogFailure(ILogger logger, ForwarderError error, PathString path, int suppressed);
}

/// <summary>The gateway is healthy while at least one silo passes its health probe.</summary>
public sealed class SiloAvailabilityCheck(IProxyStateLookup proxyState) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Not YARP's "available destinations": when every silo is down it falls back to all of
        // them (panic mode), which is right for routing but would make this check lie.
        var available = proxyState.TryGetCluster(SiloRoutes.ClusterId, out var cluster)
            ? cluster.Destinations.Values.Count(d => d.Health.Active == DestinationHealth.Healthy && d.Health.Passive != DestinationHealth.Unhealthy)
            : 0;
        return Task.FromResult(available > 0
            ? HealthCheckResult.Healthy($"{available} silo(s) available")
            : HealthCheckResult.Unhealthy("no silo is available"));
    }
}
