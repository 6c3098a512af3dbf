namespace SafetyPlatform.Grains;

/// <summary>
/// A change signal for long polls inside a grain: each <see cref="Fire"/> wakes everyone
/// waiting, and later waiters wait for the next one.
/// </summary>
internal sealed class Pulse
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Fire()
    {
        var fired = _next;
        _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fired.TrySetResult();
    }

    /// <summary>Completes at the next <see cref="Fire"/>, or after <paramref name="maxWait"/>.</summary>
    public Task Wait(TimeSpan maxWait, TimeProvider time) => Waits.ForOrUpTo(_next.Task, maxWait, time);
}

internal static class Waits
{
    /// <summary>Completes when <paramref name="signal"/> does, or after <paramref name="maxWait"/> on <paramref name="time"/>; never throws.</summary>
    public static async Task ForOrUpTo(Task signal, TimeSpan maxWait, TimeProvider time)
    {
        using var timeout = new CancellationTokenSource(maxWait, time);
        await Task.WhenAny(signal, Task.Delay(Timeout.InfiniteTimeSpan, time, timeout.Token)).ConfigureAwait(true);
    }
}

/// <summary>
/// Runs asynchronous operations one after another in a reentrant grain, such as writes of the
/// grain's state, which Orleans refuses to overlap. A failed operation fails only its own caller.
/// </summary>
internal sealed class OneAtATime
{
    private Task _last = Task.CompletedTask;

    public async Task<T> Run<T>(Func<Task<T>> operation)
    {
        while (!_last.IsCompleted)
        {
            await Task.WhenAny(_last).ConfigureAwait(true);
        }

        var run = operation();
        _last = run;
        return await run.ConfigureAwait(true);
    }

    public Task Run(Func<Task> operation) => Run(async () =>
    {
        await operation().ConfigureAwait(true);
        return true;
    });
}
