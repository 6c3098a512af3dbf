using SafetyPlatform.Domain.Quality;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Monitoring;

/// <summary>
/// A specialist's day as kept in storage: its counts, the time in each state up to
/// <see cref="Since"/>, and the state they were in from then. Grain storage writes it as JSON,
/// which reads a plain dictionary back but not an immutable one.
/// </summary>
public sealed record SpecialistDayRecord(
    DateOnly Day,
    ActivityState State,
    DateTimeOffset Since,
    int Offers,
    int Rejected,
    int Expired,
    int Handled,
    int CompletedWithinSla,
    TimeSpan HandleTime,
    int Escalated,
    int Released,
    IReadOnlyDictionary<ActivityState, TimeSpan> TimeIn,
    QualityTally? Quality = null)
{
    /// <summary>
    /// Whether this day was kept after <paramref name="other"/>: a later day, or the same day with
    /// a later state change (every change moves <see cref="Since"/> on).
    /// </summary>
    public bool IsLaterThan(SpecialistDayRecord other) => Day > other.Day || (Day == other.Day && Since > other.Since);

    /// <summary>A day with no time logged in and nothing done: OFFLINE throughout.</summary>
    public bool IsEmpty => Offers == 0 && Rejected == 0 && Expired == 0 && Handled == 0 && Escalated == 0 && Released == 0 && (Quality?.IsEmpty ?? true)
        && TimeIn.All(t => t.Key is ActivityState.Offline or ActivityState.Unspecified || t.Value <= TimeSpan.Zero);
}
