using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Work.V1;

namespace SafetyPlatform.Client;

/// <summary>Options for <see cref="SafetyConnection.Open"/>.</summary>
public sealed record SafetyConnectionOptions
{
    /// <summary>Attempts per call when the platform answers UNAVAILABLE (1 = no retry).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Wait before the first retry; later waits double up to <see cref="MaxBackoff"/>, with jitter.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest wait between retries.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The deadline of a unary call that does not set one, over all its attempts: a call stuck
    /// anywhere fails with DEADLINE_EXCEEDED instead of waiting forever. Null: no default.
    /// </summary>
    public TimeSpan? DefaultDeadline { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the connection may be quiet before the client pings the server (HTTP/2 PING),
    /// so a stream over a dead connection fails instead of waiting forever for its next message.
    /// </summary>
    public TimeSpan KeepAlivePingDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a keep-alive ping may go unanswered before the connection counts as dead.</summary>
    public TimeSpan KeepAlivePingTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The bearer token sent with every call (`authorization: Bearer …`); the platform refuses
    /// calls without one (UNAUTHENTICATED). Null: none (health checks only).
    /// </summary>
    public string? AccessToken { get; init; }
}

/// <summary>
/// One connection to SafetyPlatform (normally its gateway), with a client per service. Unary
/// calls get a default deadline (<see cref="SafetyConnectionOptions.DefaultDeadline"/>) and the
/// connection pings a quiet server, so no call waits forever.
/// Every roster call is safe to repeat, so calls answered UNAVAILABLE are retried: creates
/// get a request_id before the first attempt (unless the caller set one), so a retried
/// create can never make a second resource; reads, state changes, moves and updates are
/// idempotent by design. A conditional update (with an etag) that succeeded but whose
/// answer was lost comes back ABORTED on retry — read the resource to see the outcome.
/// </summary>
public sealed class SafetyConnection : IDisposable
{
    private SafetyConnection(GrpcChannel channel, SafetyConnectionOptions options)
    {
        Channel = channel;
        var invoker = channel.Intercept(new CallDefaultsInterceptor(options.DefaultDeadline));
        if (options.AccessToken is { } token)
        {
            var bearer = "Bearer " + token;
            invoker = invoker.Intercept(metadata =>
            {
                metadata.Add("authorization", bearer);
                return metadata;
            });
        }

        Roster = new RosterService.RosterServiceClient(invoker);
        Work = new WorkService.WorkServiceClient(invoker);
        Monitoring = new SafetyPlatform.Api.Monitoring.V1.MonitoringService.MonitoringServiceClient(invoker);
        Wellbeing = new SafetyPlatform.Api.Wellbeing.V1.WellbeingService.WellbeingServiceClient(invoker);
        Performance = new SafetyPlatform.Api.Performance.V1.PerformanceService.PerformanceServiceClient(invoker);
        Diagnostics = new SafetyPlatform.Api.Diagnostics.V1.DiagnosticsService.DiagnosticsServiceClient(invoker);
        AuditLog = new SafetyPlatform.Api.AuditLog.V1.AuditLogService.AuditLogServiceClient(invoker);
        Invoker = invoker;
    }

    /// <summary>The call invoker every client of this connection uses (token, deadline and request-id defaults), for calls built by hand.</summary>
    public CallInvoker Invoker { get; }

    /// <summary>The underlying channel, for clients of services added later.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>Teams, specialists and activity states.</summary>
    public RosterService.RosterServiceClient Roster { get; }

    /// <summary>Queues, work items and routing.</summary>
    public WorkService.WorkServiceClient Work { get; }

    /// <summary>Live statistics of queues.</summary>
    public SafetyPlatform.Api.Monitoring.V1.MonitoringService.MonitoringServiceClient Monitoring { get; }

    public SafetyPlatform.Api.Wellbeing.V1.WellbeingService.WellbeingServiceClient Wellbeing { get; }

    public SafetyPlatform.Api.Performance.V1.PerformanceService.PerformanceServiceClient Performance { get; }

    /// <summary>The audit log of writes and private reads, and its check.</summary>
    public SafetyPlatform.Api.AuditLog.V1.AuditLogService.AuditLogServiceClient AuditLog { get; }

    /// <summary>Echo, for measuring the cost of a call.</summary>
    public SafetyPlatform.Api.Diagnostics.V1.DiagnosticsService.DiagnosticsServiceClient Diagnostics { get; }

    /// <summary>Opens a connection to an address such as `http://127.0.0.1:5100` (h2c) or an https address.</summary>
    public static SafetyConnection Open(string address, SafetyConnectionOptions? options = null)
    {
        options ??= new SafetyConnectionOptions();
        return new(GrpcChannel.ForAddress(address, ChannelOptions(options)), options);
    }

    /// <summary>Channel options with the platform's retry policy and keep-alive pings.</summary>
    public static GrpcChannelOptions ChannelOptions(SafetyConnectionOptions options)
    {
        var channelOptions = new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                KeepAlivePingDelay = options.KeepAlivePingDelay,
                KeepAlivePingTimeout = options.KeepAlivePingTimeout,
                KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
                // Long-lived streams must not hold back other calls behind HTTP/2's stream limit.
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            },
            DisposeHttpClient = true,
        };
        if (options.MaxAttempts > 1)
        {
            channelOptions.ServiceConfig = new ServiceConfig
            {
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { MethodName.Default },
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = options.MaxAttempts,
                            InitialBackoff = options.InitialBackoff,
                            MaxBackoff = options.MaxBackoff,
                            BackoffMultiplier = 2,
                            RetryableStatusCodes = { StatusCode.Unavailable },
                        },
                    },
                },
            };
        }

        return channelOptions;
    }

    public void Dispose() => Channel.Dispose();
}

/// <summary>
/// Before any attempt of a unary call is sent: gives a create without a request_id a fresh one
/// (so a retry never creates twice), and a call without a deadline the default one.
/// </summary>
internal sealed class CallDefaultsInterceptor(TimeSpan? defaultDeadline) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithRequestId(request), WithDeadline(context));

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithRequestId(request), WithDeadline(context));

    private ClientInterceptorContext<TRequest, TResponse> WithDeadline<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class =>
        context.Options.Deadline is null && defaultDeadline is { } deadline
            ? new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithDeadline(DateTime.UtcNow + deadline))
            : context;

    private static TRequest WithRequestId<TRequest>(TRequest request) => request switch
    {
        CreateTeamRequest { RequestId: "" } r => (TRequest)(object)new CreateTeamRequest(r) { RequestId = RequestIds.New() },
        CreateSpecialistRequest { RequestId: "" } r => (TRequest)(object)new CreateSpecialistRequest(r) { RequestId = RequestIds.New() },
        CreateQueueRequest { RequestId: "" } r => (TRequest)(object)new CreateQueueRequest(r) { RequestId = RequestIds.New() },
        _ => request,
    };
}

/// <summary>Request ids for idempotent creates (AIP-155).</summary>
public static class RequestIds
{
    public static string New() => Guid.NewGuid().ToString();
}
