namespace SafetyPlatform.Grains.Roster;

/// <summary>What a grain does when a state write fails.</summary>
internal static class StateRecovery
{
    /// <summary>
    /// The in-memory state now holds a change storage may not have: read back what storage
    /// really holds (the write may even have landed before the failure), and if storage cannot
    /// be read either, drop the activation so the next call starts from storage.
    /// </summary>
    public static async Task ReloadAfterFailedWrite<T>(IPersistentState<T> state, Grain grain)
    {
        try
        {
            await state.ReadStateAsync();
        }
        catch (Exception)
        {
            grain.DeactivateOnIdle();
        }
    }
}
