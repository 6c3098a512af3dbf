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
    public static IServiceCollection AddCallRateLimits(this IServiceCollection services, GatewayOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, (string Caller, string Group)>(context =>
                context.Items[CallGate.RuleItem] is MethodAccess rule && context.User.FindFirst(TokenClaims.Subject)?.Value is { } subject
                    ? RateLimitPartition.GetTokenBucketLimiter((subject, rule.RateGroup), key => Bucket(options.RateLimitFor(key.Item2)))
                    : RateLimitPartition.GetNoLimiter((string.Empty, string.Empty)));
            limiter.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var group = (rejected.HttpContext.Items[CallGate.RuleItem] as MethodAccess)?.RateGroup ?? "calls";
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
