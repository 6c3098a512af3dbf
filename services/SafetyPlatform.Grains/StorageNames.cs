namespace SafetyPlatform.Grains;

/// <summary>Names of the storage providers the grains expect the silo to configure.</summary>
public static class StorageNames
{
    /// <summary>Grain state of the roster: teams, specialists, directory, request ledger.</summary>
    public const string Roster = "safety";
}
