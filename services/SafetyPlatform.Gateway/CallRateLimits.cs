using System.Threading.RateLimiting;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Microsoft.AspNetCore.RateLimiting;
using SafetyPlatform.Security;

namespace SafetyPlatform.Gateway;

/// <summary>
/// Rate limits with ASP.NET Core's rate limiter: one token bucket per caller and method group
/// (the method's scope, e.g. `work.enqueue`), sized by configuration, so one client's burst
/// spends only its own tokens. A call over the limit is answered RESOURCE_EXHAUSTED with when to
/// retry (a `retry-after` header and google.rpc.RetryInfo), never UNAVAILABLE, which clients
/// would retry at once.
/// </summary>
public static class CallRateLimits
{
    public static IServiceCollection AddCallRateLimits(this IServiceCollection services, GatewayOptions options, SecurityOptions security) =>
        services.AddRateLimiter(limiter =>
        {
            // Runs before the gate: a caller without a valid token is limited by its address, so a
            // flood of bad tokens is held back too. Health never counts.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, (string Caller, string Group)>(context =>
                context.GetEndpoint()?.Metadata.GetMetadata<Yarp.ReverseProxy.Model.RouteModel>() is null
                    ? RateLimitPartition.GetNoLimiter((string.Empty, string.Empty))
                    : RateLimitPartition.GetTokenBucketLimiter((CallerKey(context, security), GroupOf(context)), key => Bucket(options.RateLimitFor(key.Item2))));
            limiter.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var group = GroupOf(rejected.HttpContext);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var message = $"too many {group} calls from this caller; retry after {seconds} s";
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                GrpcAnswer.Write(rejected.HttpContext, Grpc.Core.StatusCode.ResourceExhausted, message, new Google.Rpc.Status
                {
                    Code = (int)Code.ResourceExhausted,
                    Message = message,
                    Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }) },
                });
                return ValueTask.CompletedTask;
            };
        });

    /// <summary>The verified caller, else the client's address.</summary>
    private static string CallerKey(HttpContext context, SecurityOptions security) =>
        CallGate.CallerOf(context, security)?.Subject ?? "address:" + context.Connection.RemoteIpAddress;

    /// <summary>The method's scope; `other` for reflection and paths that are no method of ours.</summary>
    private static string GroupOf(HttpContext context) => ApiAccess.For(context.Request.Path.Value ?? string.Empty)?.RateGroup ?? "other";

    private static TokenBucketRateLimiterOptions Bucket(RateLimitOptions limit) => new()
    {
        TokenLimit = limit.TokenLimit,
        TokensPerPeriod = limit.TokensPerPeriod,
        ReplenishmentPeriod = limit.ReplenishmentPeriod,
        // Answer at once rather than hold the call: the client decides whether to wait.
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
