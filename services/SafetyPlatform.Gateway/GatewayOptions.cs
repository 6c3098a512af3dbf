namespace SafetyPlatform.Gateway;

/// <summary>Configuration section `Gateway`.</summary>
public sealed class GatewayOptions
{
    /// <summary>Base addresses of the silos' gRPC endpoints (h2c), for example `http://127.0.0.1:5101`.</summary>
    public List<string> Silos { get; set; } = [];

    /// <summary>How often each silo's `/healthz` is probed.</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a probe may take before the silo counts as unhealthy.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest a unary call may take through the gateway before it is answered
    /// DEADLINE_EXCEEDED: a client without a deadline of its own never waits forever.
    /// Streams (watches, offer streams, reflection) have no such limit.
    /// </summary>
    public TimeSpan UnaryCallTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How long a call (such as a quiet watch stream) may go without any bytes before it is cut.</summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The token bucket of each caller for each method group without a limit of its own.</summary>
    public RateLimitOptions DefaultRateLimit { get; set; } = new();

    /// <summary>Limits per method group (a scope such as `work.enqueue`), for each caller.</summary>
    public Dictionary<string, RateLimitOptions> RateLimits { get; set; } = new(StringComparer.Ordinal);

    public RateLimitOptions RateLimitFor(string group) => RateLimits.GetValueOrDefault(group) ?? DefaultRateLimit;
}
