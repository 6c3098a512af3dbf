using Microsoft.Extensions.Diagnostics.HealthChecks;
using SafetyPlatform.Silo.Hosting;

namespace SafetyPlatform.Silo.Tests;

public class ClusterReadinessTests
{
    [Fact]
    public async Task A_silo_serves_only_from_joining_the_cluster_until_it_starts_to_drain()
    {
        var readiness = new ClusterReadiness();
        var lifecycle = new RecordingLifecycle();
        readiness.Participate(lifecycle);
        var (stage, observer) = Assert.Single(lifecycle.Observers);
        Assert.Equal(ServiceLifecycleStage.Active, stage);

        Assert.Equal(HealthStatus.Unhealthy, await Status(readiness));
        Assert.False(readiness.IsJoined);

        await observer.OnStart(CancellationToken.None);
        Assert.Equal(HealthStatus.Healthy, await Status(readiness));

        readiness.StopServing();
        Assert.Equal(HealthStatus.Unhealthy, await Status(readiness));
        Assert.True(readiness.IsJoined, "a draining silo still serves the calls it gets");

        await observer.OnStop(CancellationToken.None);
        Assert.False(readiness.IsJoined);
    }

    private static async Task<HealthStatus> Status(ClusterReadiness readiness) =>
        (await readiness.CheckHealthAsync(new HealthCheckContext())).Status;

    private sealed class RecordingLifecycle : ISiloLifecycle
    {
        public List<(int Stage, ILifecycleObserver Observer)> Observers { get; } = [];

        public int HighestCompletedStage => 0;

        public int LowestStoppedStage => 0;

        public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
        {
            Observers.Add((stage, observer));
            return new NoUnsubscribe();
        }

        private sealed class NoUnsubscribe : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
