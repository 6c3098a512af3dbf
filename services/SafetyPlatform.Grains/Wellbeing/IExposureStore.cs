namespace SafetyPlatform.Grains.Wellbeing;

/// <summary>
/// Where specialists' exposure ledgers are kept (Azure Tables in the silo, docs/adr/0020): a row
/// per entry, per wellness break and one for the shift's start, so a change writes what changed,
/// never the whole ledger.
/// </summary>
public interface IExposureStore
{
    /// <summary>Everything kept for <paramref name="specialistId"/>.</summary>
    Task<StoredExposure> Load(string specialistId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="records"/>, each replacing the one with its key; completes when they
    /// are durable. On a failure some may be written: each is its row's latest copy, so writing
    /// them again is safe.
    /// </summary>
    Task Save(string specialistId, IReadOnlyCollection<ExposureRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Deletes entries and breaks that ended before <paramref name="before"/>.</summary>
    Task DeleteEndedBefore(string specialistId, DateTimeOffset before, CancellationToken cancellationToken = default);
}
