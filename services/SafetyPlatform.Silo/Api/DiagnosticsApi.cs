using Grpc.Core;
using SafetyPlatform.Api.Diagnostics.V1;

namespace SafetyPlatform.Silo.Api;

/// <summary>Echo: the cost of a gRPC call through the gateway with no platform work in it.</summary>
public sealed class DiagnosticsApi : DiagnosticsService.DiagnosticsServiceBase
{
    private const int MaxPayload = 4096;

    public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context)
    {
        new FieldCheck().Require(request.Payload.Length <= MaxPayload, "payload", $"at most {MaxPayload} bytes").ThrowIfAny();
        return Task.FromResult(new EchoResponse { Payload = request.Payload });
    }
}
