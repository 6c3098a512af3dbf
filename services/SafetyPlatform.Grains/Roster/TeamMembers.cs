namespace SafetyPlatform.Grains.Roster;

/// <summary>A team's members, read page by page.</summary>
public static class TeamMembers
{
    private const int Page = 500;

    /// <summary>The ids of the team's members who are not deactivated, in id order.</summary>
    public static Task<List<string>> ActiveIds(ITeamGrain team) => Ids(team, includeDeactivated: false);

    /// <summary>The ids of all the team's members, deactivated ones too, in id order.</summary>
    public static Task<List<string>> AllIds(ITeamGrain team) => Ids(team, includeDeactivated: true);

    private static async Task<List<string>> Ids(ITeamGrain team, bool includeDeactivated)
    {
        var members = new List<string>();
        while (true)
        {
            var page = await team.ListMembers(members.Count > 0 ? members[^1] : string.Empty, Page, includeDeactivated);
            members.AddRange(page.Select(m => m.SpecialistId));
            if (page.Length < Page)
            {
                return members;
            }
        }
    }
}
