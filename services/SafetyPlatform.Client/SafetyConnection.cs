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
}

/// <summary>
/// One connection to SafetyPlatform (normally its gateway), with a client per service.
/// Every roster call is safe to repeat, so calls answered UNAVAILABLE are retried: creates
/// get a request_id before the first attempt (unless the caller set one), so a retried
/// create can never make a second resource; reads, state changes, moves and updates are
/// idempotent by design. A conditional update (with an etag) that succeeded but whose
/// answer was lost comes back ABORTED on retry — read the resource to see the outcome.
/// </summary>
public sealed class SafetyConnection : IDisposable
{
    private SafetyConnection(GrpcChannel channel)
    {
        Channel = channel;
        var invoker = channel.Intercept(new RequestIdInterceptor());
        Roster = new RosterService.RosterServiceClient(invoker);
        Work = new WorkService.WorkServiceClient(invoker);
        Diagnostics = new SafetyPlatform.Api.Diagnostics.V1.DiagnosticsService.DiagnosticsServiceClient(invoker);
    }

    /// <summary>The underlying channel, for clients of services added later.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>Teams, specialists and activity states.</summary>
    public RosterService.RosterServiceClient Roster { get; }

    /// <summary>Queues, work items and routing.</summary>
    public WorkService.WorkServiceClient Work { get; }

    /// <summary>Echo, for measuring the cost of a call.</summary>
    public SafetyPlatform.Api.Diagnostics.V1.DiagnosticsService.DiagnosticsServiceClient Diagnostics { get; }

    /// <summary>Opens a connection to an address such as `http://127.0.0.1:5100` (h2c) or an https address.</summary>
    public static SafetyConnection Open(string address, SafetyConnectionOptions? options = null) =>
        new(GrpcChannel.ForAddress(address, ChannelOptions(options ?? new SafetyConnectionOptions())));

    /// <summary>Channel options with the platform's retry policy.</summary>
    public static GrpcChannelOptions ChannelOptions(SafetyConnectionOptions options)
    {
        var channelOptions = new GrpcChannelOptions();
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

/// <summary>Gives creates without a request_id a fresh one, once, before any attempt is sent.</summary>
internal sealed class RequestIdInterceptor : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithRequestId(request), context);

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
