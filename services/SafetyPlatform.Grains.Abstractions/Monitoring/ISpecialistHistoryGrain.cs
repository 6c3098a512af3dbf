namespace SafetyPlatform.Grains.Abstractions.Monitoring;

/// <summary>Reads a specialist's closed days, each day's numbers as it closed. Keeps nothing. Key: specialist id.</summary>
public interface ISpecialistHistoryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Up to <paramref name="pageSize"/> of the specialist's closed days in [<paramref name="from"/>,
    /// <paramref name="to"/>) on their team's clock (see HistoryDays.Range for unset ends), oldest
    /// first; days they were OFFLINE throughout with nothing done are left out. NOT_FOUND for a
    /// specialist never created.
    /// </summary>
    Task<DayHistoryPage> Read(DateOnly? from, DateOnly? to, int pageSize);
}
