namespace SafetyPlatform.Grains;

/// <summary>Bounded waits on a grain's own signals, timed by its <see cref="TimeProvider"/>.</summary>
internal static class Waits
{
    /// <summary>Completes when <paramref name="signal"/> does, or after <paramref name="maxWait"/> on <paramref name="time"/>; never throws.</summary>
    public static async Task ForOrUpTo(Task signal, TimeSpan maxWait, TimeProvider time)
    {
        using var timeout = new CancellationTokenSource(maxWait, time);
        await Task.WhenAny(signal, Task.Delay(Timeout.InfiniteTimeSpan, time, timeout.Token)).ConfigureAwait(true);
    }
}
