namespace SafetyPlatform.Grains;

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
