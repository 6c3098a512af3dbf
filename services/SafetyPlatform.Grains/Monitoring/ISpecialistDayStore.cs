using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Grains.Monitoring;

/// <summary>
/// Where specialists' closed days are kept as history (Azure Tables in the silo), by specialist
/// and by the team they were in when the day closed. The first copy of a day stored is kept:
/// storing it again changes nothing, so a closed day reads the same for ever.
/// </summary>
public interface ISpecialistDayStore
{
    /// <summary>Stores closed days of <paramref name="specialistId"/>, a member of <paramref name="teamId"/>; days already stored are left as they are.</summary>
    Task Save(string specialistId, string teamId, IReadOnlyList<SpecialistDayRecord> days, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="take"/> of the specialist's days in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    Task<IReadOnlyList<SpecialistDayRecord>> ReadSpecialist(string specialistId, DateOnly from, DateOnly to, int take, CancellationToken cancellationToken = default);

    /// <summary>Every member's days for the first <paramref name="days"/> days in [<paramref name="from"/>, <paramref name="to"/>) that have any, oldest first.</summary>
    Task<IReadOnlyList<SpecialistDayRecord>> ReadTeam(string teamId, DateOnly from, DateOnly to, int days, CancellationToken cancellationToken = default);

    /// <summary>Deletes the specialist's days before <paramref name="before"/>, with their copies under their teams.</summary>
    Task DeleteBefore(string specialistId, DateOnly before, CancellationToken cancellationToken = default);
}
