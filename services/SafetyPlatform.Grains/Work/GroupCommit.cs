namespace SafetyPlatform.Grains.Work;

/// <summary>
/// Group commit: changes marked while a write is in flight are written together in the next
/// one (a key marked twice is written once, as last marked), and each caller's task completes
/// when the write holding its change is durable. One write at a time, so a later write never
/// lands before an earlier one. After a failed write every later mark fails too: memory then
/// holds changes storage may not, and the owner must reload.
/// </summary>
public sealed class GroupCommit<T>(Func<T, string> keyOf, Func<IReadOnlyCollection<T>, Task> write)
{
    private readonly Dictionary<string, T> _dirty = new(StringComparer.Ordinal);
    private TaskCompletionSource _next = NewBatch();
    private Task _inFlight = Task.CompletedTask;
    private bool _writing;

    /// <summary>Set once a write has failed.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Changes waiting for the next write.</summary>
    public int Pending => _dirty.Count;

    /// <summary>Completes when every change marked so far is durable.</summary>
    public Task Flushed() => _dirty.Count > 0 ? _next.Task : _inFlight;

    /// <summary>Marks a change; the task completes when it is durable.</summary>
    public Task Mark(T value)
    {
        if (Failure is not null)
        {
            return Task.FromException(Failure);
        }

        _dirty[keyOf(value)] = value;
        var durable = _next.Task;
        if (!_writing)
        {
            _writing = true;
            _ = Run();
        }

        return durable;
    }

    private async Task Run()
    {
        // Let the rest of this turn (a batch enqueue, say) mark its changes before writing.
        await Task.Yield();
        try
        {
            while (_dirty.Count > 0 && Failure is null)
            {
                var values = _dirty.Values.ToArray();
                _dirty.Clear();
                var batch = _next;
                _next = NewBatch();
                _inFlight = batch.Task;
                try
                {
                    await write(values);
                    batch.SetResult();
                }
                catch (Exception e)
                {
                    Failure = e;
                    batch.SetException(e);
                    _next.TrySetException(e);
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }

    private static TaskCompletionSource NewBatch() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
