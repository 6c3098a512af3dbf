using System.Net;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;

namespace SafetyPlatform.Gateway;

/// <summary>YARP's view of the cluster: every path goes to one of the healthy silos over h2c.</summary>
public static class SiloRoutes
{
    public const string ClusterId = "silos";

    /// <summary>
    /// The streaming methods: long-lived, so no overall time limit. Ours are read from the API's
    /// own descriptors, so a stream added to a proto is never cut at the unary limit; health and
    /// reflection are listed.
    /// </summary>
    public static readonly IReadOnlyList<string> StreamingPaths =
    [
        .. ApiStreamingPaths(),
        "/grpc.health.v1.Health/Watch",
        "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
        "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
    ];

    private static IEnumerable<string> ApiStreamingPaths() =>
        typeof(SafetyPlatform.Client.SafetyConnection).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Select(p => p?.GetValue(null))
            .OfType<Google.Protobuf.Reflection.FileDescriptor>()
            .SelectMany(file => file.Services)
            .SelectMany(service => service.Methods.Where(m => m.IsServerStreaming || m.IsClientStreaming)
                .Select(m => $"/{service.FullName}/{m.Name}"))
            .Distinct()
            .Order(StringComparer.Ordinal);

    public static IReadOnlyList<RouteConfig> Routes(GatewayOptions options) =>
    [
        .. StreamingPaths.Select((path, i) => new RouteConfig
        {
            RouteId = $"stream-{i}",
            ClusterId = ClusterId,
            Match = new RouteMatch { Path = path },
            TimeoutPolicy = "Disable",
        }),
        new RouteConfig
        {
            RouteId = "all-grpc",
            ClusterId = ClusterId,
            Match = new RouteMatch { Path = "/{**path}" },
            // More specific routes win in ASP.NET Core routing; this one is the catch-all.
            Order = 1,
            Timeout = options.UnaryCallTimeout,
        },
    ];

    public static IReadOnlyList<ClusterConfig> Clusters(GatewayOptions options)
    {
        if (options.Silos.Count == 0)
        {
            throw new InvalidOperationException("Gateway:Silos lists no silo addresses; the gateway would have nowhere to send calls.");
        }

        var destinations = options.Silos
            .Select((address, i) => (address, i))
            .ToDictionary(s => $"silo-{s.i}", s => new DestinationConfig { Address = s.address }, StringComparer.Ordinal);
        return
        [
            new ClusterConfig
            {
                ClusterId = ClusterId,
                LoadBalancingPolicy = "PowerOfTwoChoices",
                Destinations = destinations,
                // Silos speak HTTP/2 without TLS; YARP would otherwise send HTTP/1.1 and every call would fail.
                HttpRequest = new ForwarderRequestConfig
                {
                    Version = HttpVersion.Version20,
                    VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                    ActivityTimeout = options.StreamIdleTimeout,
                },
                HealthCheck = new HealthCheckConfig
                {
                    Active = new ActiveHealthCheckConfig
                    {
                        Enabled = true,
                        Interval = options.HealthCheckInterval,
                        Timeout = options.HealthCheckTimeout,
                        Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                        // Served by each silo from the same checks as its grpc.health.v1 status.
                        Path = "/healthz",
                    },
                },
                Metadata = new Dictionary<string, string>
                {
                    // One failed probe is enough: a silo that says NOT_SERVING is draining or not yet joined.
                    ["ConsecutiveFailuresHealthPolicy.Threshold"] = "1",
                },
            },
        ];
    }
}
