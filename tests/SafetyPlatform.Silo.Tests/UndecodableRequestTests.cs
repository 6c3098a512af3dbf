using System.Net;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SafetyPlatform.Api.Diagnostics.V1;
using SafetyPlatform.Silo.Api;

namespace SafetyPlatform.Silo.Tests;

/// <summary>
/// Bytes that are not the method's request message answer INVALID_ARGUMENT naming the message
/// type, on the platform's own services and on health and reflection alike; a request that
/// decodes is served as before. A real server on a loopback port: the silo's gRPC setup, no Orleans.
/// </summary>
public sealed class UndecodableRequestTests : IAsyncLifetime
{
    // A field tag whose varint is cut short: no protobuf message decodes from it.
    private static readonly byte[] Garbage = [0xFF, 0xFF, 0xFF];

    // The client sends and reads raw bytes, so it can send what no message serialises to.
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create<byte[]>(b => b, b => b);

    private WebApplication _app = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        // Not the silo's appsettings.json that is copied beside the tests (its fixed URL, Orleans, storage).
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc().AddDecodingErrors();
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks();

        _app = builder.Build();
        _app.MapGrpcService<DiagnosticsApi>();
        _app.MapGrpcHealthChecksService();
        _app.MapGrpcReflectionService();
        await _app.StartAsync();

        _channel = GrpcChannel.ForAddress(_app.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_unary_request_that_does_not_decode_is_an_invalid_argument_naming_the_message_type()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Unary("safety.diagnostics.v1.DiagnosticsService", "Echo", Garbage));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("does not decode as safety.diagnostics.v1.EchoRequest", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_decodes_is_served_as_before()
    {
        var request = new EchoRequest { Payload = ByteString.CopyFromUtf8("still served") };

        var response = EchoResponse.Parser.ParseFrom(await Unary("safety.diagnostics.v1.DiagnosticsService", "Echo", request.ToByteArray()));

        Assert.Equal("still served", response.Payload.ToStringUtf8());
    }

    [Fact]
    public async Task A_server_streaming_request_to_health_that_does_not_decode_is_an_invalid_argument()
    {
        using var call = _channel.CreateCallInvoker().AsyncServerStreamingCall(
            Raw(MethodType.ServerStreaming, "grpc.health.v1.Health", "Watch"), host: null, Deadline(), Garbage);

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("does not decode as grpc.health.v1.HealthCheckRequest", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_streamed_request_to_reflection_that_does_not_decode_is_an_invalid_argument()
    {
        using var call = _channel.CreateCallInvoker().AsyncDuplexStreamingCall(
            Raw(MethodType.DuplexStreaming, "grpc.reflection.v1.ServerReflection", "ServerReflectionInfo"), host: null, Deadline());

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await call.RequestStream.WriteAsync(Garbage);
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("does not decode as grpc.reflection.v1.ServerReflectionRequest", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_method_is_still_bound_once_as_a_POST_endpoint()
    {
        var echo = Assert.Single(
            _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>(),
            e => e.RoutePattern.RawText == "/safety.diagnostics.v1.DiagnosticsService/Echo");

        var httpMethods = echo.Metadata.GetMetadata<HttpMethodMetadata>();
        Assert.NotNull(httpMethods);
        Assert.Equal("POST", Assert.Single(httpMethods.HttpMethods));
    }

    private async Task<byte[]> Unary(string service, string method, byte[] request)
    {
        using var call = _channel.CreateCallInvoker().AsyncUnaryCall(Raw(MethodType.Unary, service, method), host: null, Deadline(), request);
        return await call.ResponseAsync;
    }

    private static Method<byte[], byte[]> Raw(MethodType type, string service, string method) => new(type, service, method, Bytes, Bytes);

    private static CallOptions Deadline() => new(deadline: DateTime.UtcNow.AddSeconds(10));
}
