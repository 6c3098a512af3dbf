using System.Collections.Immutable;

namespace SafetyPlatform.Grains.Roster;

/// <summary>The ordered list of every team id.</summary>
public sealed class TeamDirectoryGrain(
    [PersistentState("teams", StorageNames.Roster)] IPersistentState<TeamDirectoryState> state) : Grain, ITeamDirectoryGrain
{
    public async Task Register(string teamId)
    {
        if (!state.State.TeamIds.Contains(teamId))
        {
            await StateWrites.Commit(state, this, () => state.State.TeamIds.Add(teamId));
        }
    }

    public Task<IdPage> List(string afterId, int pageSize)
    {
        var ids = state.State.TeamIds.Where(id => string.CompareOrdinal(id, afterId) > 0).Take(pageSize + 1).ToList();
        return Task.FromResult(new IdPage([.. ids.Take(pageSize)], ids.Count > pageSize));
    }
}
