using SafetyPlatform.Gateway;

namespace SafetyPlatform.Api.Tests;

/// <summary>The gateway's routes: streams are never cut at the unary time limit.</summary>
public sealed class GatewayRoutesTests
{
    [Theory]
    [InlineData("/safety.roster.v1.RosterService/WatchTeam")]
    [InlineData("/safety.work.v1.WorkService/StreamOffers")]
    [InlineData("/safety.work.v1.WorkService/WatchOutcomes")]
    [InlineData("/grpc.health.v1.Health/Watch")]
    public void Every_streaming_method_of_the_api_has_a_route_without_the_unary_limit(string path)
    {
        var route = Assert.Single(SiloRoutes.Routes(new GatewayOptions()), r => r.Match.Path == path);
        Assert.Equal("Disable", route.TimeoutPolicy);
        Assert.Null(route.Timeout);
    }

    [Fact]
    public void Unary_methods_fall_to_the_catch_all_route_with_the_unary_limit()
    {
        var options = new GatewayOptions { UnaryCallTimeout = TimeSpan.FromSeconds(42) };
        var routes = SiloRoutes.Routes(options);

        Assert.DoesNotContain(routes, r => r.Match.Path == "/safety.work.v1.WorkService/GetNextWorkItem");
        Assert.Equal(TimeSpan.FromSeconds(42), Assert.Single(routes, r => r.RouteId == "all-grpc").Timeout);
    }
}
