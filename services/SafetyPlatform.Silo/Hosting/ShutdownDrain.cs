namespace SafetyPlatform.Silo.Hosting;

/// <summary>
/// On shutdown, first reports NOT_SERVING and keeps serving for a short drain period, so the
/// gateway's health probe takes this silo out of rotation before calls start failing.
/// Configured by `Silo:ShutdownDrain` (default 2 s; zero disables).
/// </summary>
public sealed class ShutdownDrain(ClusterReadiness readiness, IConfiguration configuration, TimeProvider time) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        readiness.StopServing();
        var drain = configuration.GetValue("Silo:ShutdownDrain", TimeSpan.FromSeconds(2));
        if (drain > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(drain, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The host's shutdown timeout ran out; stop now.
            }
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
