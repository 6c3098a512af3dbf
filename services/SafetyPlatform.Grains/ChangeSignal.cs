namespace SafetyPlatform.Grains;

/// <summary>
/// A change signal for long polls inside a grain: each <see cref="Fire"/> wakes everyone
/// waiting, and later waiters wait for the next one.
/// </summary>
internal sealed class ChangeSignal
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
