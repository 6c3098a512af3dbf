using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SafetyPlatform.Silo.Hosting;

/// <summary>
/// Healthy only while this silo is an active member of the cluster: from the moment it has
/// joined until it starts to shut down. Backs both grpc.health.v1 and `/healthz`, so the
/// gateway and gRPC clients see the same answer.
/// </summary>
public sealed class ClusterReadiness : ILifecycleParticipant<ISiloLifecycle>, IHealthCheck
{
    private volatile bool _joined;
    private volatile bool _draining;

    /// <summary>The silo is an active cluster member: grain calls work.</summary>
    public bool IsJoined => _joined;

    /// <summary>Joined and not shutting down: new traffic is welcome.</summary>
    public bool IsServing => _joined && !_draining;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(
            nameof(ClusterReadiness),
            ServiceLifecycleStage.Active,
            _ =>
            {
                _joined = true;
                return Task.CompletedTask;
            },
            _ =>
            {
                _joined = false;
                return Task.CompletedTask;
            });

    /// <summary>Stops serving ahead of the silo's own shutdown, so the gateway drains it first.</summary>
    public void StopServing() => _draining = true;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(IsServing
            ? HealthCheckResult.Healthy("the silo is an active cluster member")
            : HealthCheckResult.Unhealthy("the silo has not joined the cluster yet, or is shutting down"));
}
