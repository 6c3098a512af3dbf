using Azure;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Orleans.Storage;
using SafetyPlatform.Grains;
using SafetyPlatform.Silo.Hosting;

namespace SafetyPlatform.Silo.Api;

/// <summary>
/// The one place where failures become gRPC statuses: business-rule refusals get their
/// precise code, transient cluster and storage failures become UNAVAILABLE (safe to retry
/// an idempotent call), and nothing known ever leaves as UNKNOWN.
/// </summary>
public sealed partial class ErrorStatusInterceptor(ClusterReadiness readiness, ILogger<ErrorStatusInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        EnsureJoined(context);
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Translate(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        EnsureJoined(context);
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Translate(e, context);
        }
    }

    /// <summary>Before the silo has joined (or after it has left) no grain can be reached.</summary>
    private void EnsureJoined(ServerCallContext context)
    {
        // Health and reflection answer for themselves; only the platform's own services need grains.
        if (!readiness.IsJoined && context.Method.StartsWith("/safety.", StringComparison.Ordinal))
        {
            throw ApiErrors.Unavailable("this silo is not an active cluster member (starting or stopping); retry the call");
        }
    }

    private RpcException Translate(Exception e, ServerCallContext context)
    {
        switch (e)
        {
            case SafetyException rule:
                return ApiErrors.FromRule(rule);
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "the call was cancelled"));
            case var transient when IsTransient(transient):
                LogTransient(logger, context.Method, e.GetType().Name, e.Message);
                return ApiErrors.Unavailable($"the platform is briefly unavailable ({e.GetType().Name}); retry the call");
            default:
                LogUnexpected(logger, e, context.Method);
                return new RpcException(new Grpc.Core.Status(StatusCode.Internal, "internal error"));
        }
    }

    /// <summary>The status a failure leaves as, without logging it: for the audit log's record of the call.</summary>
    public static StatusCode CodeOf(Exception e, ServerCallContext context) => e switch
    {
        RpcException rpc => rpc.StatusCode,
        SafetyException rule => ApiErrors.FromRule(rule).StatusCode,
        OperationCanceledException when context.CancellationToken.IsCancellationRequested => StatusCode.Cancelled,
        _ when IsTransient(e) => StatusCode.Unavailable,
        _ => StatusCode.Internal,
    };

    /// <summary>Cluster and storage failures that a retry may get past.</summary>
    private static bool IsTransient(Exception e) =>
        e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
            or InconsistentStateException or RequestFailedException or OrleansException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed transiently: {Kind}: {Detail}")]
    private static partial void LogTransient(ILogger logger, string method, string kind, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception e, string method);
}
