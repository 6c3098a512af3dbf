namespace SafetyPlatform.Grains.Roster;

/// <summary>How the grains write their state.</summary>
internal static class StateWrites
{
    /// <summary>
    /// Applies <paramref name="change"/> to the in-memory state and writes it. When the write
    /// fails, memory may hold a change storage does not: read back what storage really holds
    /// (the write may even have landed before the failure); if storage cannot be read either,
    /// drop the activation so the next call starts from storage. Then rethrow.
    /// </summary>
    public static async Task Commit<T>(IPersistentState<T> state, Grain grain, Action change)
    {
        change();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            try
            {
                await state.ReadStateAsync();
            }
            catch (Exception)
            {
                grain.DeactivateOnIdle();
            }

            throw;
        }
    }
}
