namespace SafetyPlatform.Grains;

/// <summary>
/// Runs passes over a grain's pending work in the background, one at a time: a kick while a pass
/// runs is not needed, since the running one goes on until nothing is pending or a pass fails
/// (the next kick, from a sweep say, tries again). Runs on the grain's scheduler.
/// </summary>
internal sealed class BackgroundPasses(Func<bool> hasWork, Func<Task<bool>> pass)
{
    private bool _running;

    public void Kick()
    {
        if (_running || !hasWork())
        {
            return;
        }

        _running = true;
        Run().Ignore();
    }

    private async Task Run()
    {
        try
        {
            while (hasWork() && await pass())
            {
            }
        }
        finally
        {
            _running = false;
        }
    }
}
