using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using SafetyPlatform.Api.Tests.Infrastructure;

namespace SafetyPlatform.Api.Tests.Security;

/// <summary>Reflection is served only where configuration opens it (as in production by default); health stays open without a token.</summary>
public sealed class ReflectionSettingTests() : OwnPlatform(
    inMemoryStorage: true,
    siloSettings: new Dictionary<string, string> { ["Security__Reflection"] = "false" },
    gatewaySettings: new Dictionary<string, string> { ["Security__Reflection"] = "false" })
{
    [Fact]
    public async Task With_reflection_off_the_gateway_and_the_silo_do_not_serve_it_and_health_needs_no_token()
    {
        foreach (var address in new[] { Platform.GatewayAddress, Platform.SiloAddress })
        {
            using var channel = GrpcChannel.ForAddress(address);
            using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(20));
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });

            await Expect.Status(StatusCode.Unimplemented, () => call.ResponseStream.MoveNext());

            var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(20));
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        }
    }
}
