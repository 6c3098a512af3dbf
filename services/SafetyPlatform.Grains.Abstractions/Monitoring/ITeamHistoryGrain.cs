namespace SafetyPlatform.Grains.Abstractions.Monitoring;

/// <summary>Reads a team's closed days: the sums of its members' days. Keeps nothing. Key: team id.</summary>
public interface ITeamHistoryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Up to <paramref name="pageSize"/> of the team's closed days in [<paramref name="from"/>,
    /// <paramref name="to"/>) on its clock (see HistoryDays.Range for unset ends), oldest first,
    /// each the sum of the days of the specialists who were members when the day closed; days
    /// nobody logged in are left out. NOT_FOUND for a team never created.
    /// </summary>
    Task<DayHistoryPage> Read(DateOnly? from, DateOnly? to, int pageSize);
}
