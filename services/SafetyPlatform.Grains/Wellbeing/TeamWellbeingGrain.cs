using SafetyPlatform.Domain.Naming;
using System.Collections.Immutable;
using SafetyPlatform.Domain.Wellbeing;
using SafetyPlatform.Grains.Abstractions.Wellbeing;
using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Grains.Wellbeing;

/// <summary>Keeps a team's wellbeing policy: the defaults until set, then each change a revision kept for audit.</summary>
public sealed class TeamWellbeingGrain(
    [PersistentState("wellbeing", StorageNames.Roster)] IPersistentState<TeamWellbeingState> state,
    TimeProvider time) : Grain, ITeamWellbeingGrain
{
    private bool _teamKnown;

    private string Id => this.GetPrimaryKeyString();

    private string Name => new WellbeingPolicyName(Id).ToString();

    public async Task<WellbeingPolicyView> GetPolicy()
    {
        await EnsureTeamExists();
        return View();
    }

    public async Task<WellbeingPolicyView> UpdatePolicy(WellbeingPolicy values, ImmutableArray<string> fields, ChangeContext change)
    {
        await EnsureTeamExists();
        var current = View();
        SafetyException.EnsureCurrent(Name, current.Revision, change.Etag);
        var policy = WellbeingPolicyChanges.Apply(current.Policy, values, fields);
        var revision = new WellbeingPolicyRevision(current.Revision + 1, time.GetUtcNow(), change.Actor, change.Reason, policy);
        await StateWrites.Commit(state, this, () => state.State.Revisions.Add(StoredPolicyRevision.From(revision)));
        return View();
    }

    public async Task<ImmutableArray<WellbeingPolicyRevision>> Revisions(long beforeRevision, int pageSize)
    {
        await EnsureTeamExists();
        return [.. state.State.Revisions.AsEnumerable().Reverse().Where(r => beforeRevision <= 0 || r.Revision < beforeRevision).Take(pageSize).Select(r => r.ToRevision())];
    }

    private WellbeingPolicyView View()
    {
        if (state.State.Revisions.Count == 0)
        {
            return new WellbeingPolicyView(Id, WellbeingPolicy.Default, 0, null, string.Empty);
        }

        var last = state.State.Revisions[^1].ToRevision();
        return new WellbeingPolicyView(Id, last.Policy, last.Revision, last.At, last.Actor);
    }

    /// <summary>NOT_FOUND for a team that was never created; asked once, since teams are never deleted.</summary>
    private async Task EnsureTeamExists()
    {
        if (!_teamKnown)
        {
            await GrainFactory.Reference<ITeamGrain>(Id).Get();
            _teamKnown = true;
        }
    }
}
