namespace SafetyPlatform.Grains.Roster;

/// <summary>A team's active members, read page by page.</summary>
public static class TeamMembers
{
    private const int Page = 500;

    /// <summary>The ids of the team's members who are not deactivated, in id order.</summary>
    public static async Task<List<string>> ActiveIds(ITeamGrain team)
    {
        var members = new List<string>();
        while (true)
        {
            var page = await team.ListMembers(members.Count > 0 ? members[^1] : string.Empty, Page, includeDeactivated: false);
            members.AddRange(page.Select(m => m.SpecialistId));
            if (page.Length < Page)
            {
                return members;
            }
        }
    }
}
