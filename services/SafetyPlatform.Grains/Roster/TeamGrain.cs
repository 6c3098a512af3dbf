using SafetyPlatform.Domain.Naming;
using System.Collections.Immutable;
using System.Globalization;

namespace SafetyPlatform.Grains.Roster;

/// <summary>
/// One team. Stores its profile and member ids; keeps in memory a live view of every
/// member, rebuilt from the specialists on activation and updated as they report changes,
/// and wakes watchers whenever that view changes.
/// </summary>
public sealed class TeamGrain(
    [PersistentState("team", StorageNames.Roster)] IPersistentState<TeamState> state,
    TimeProvider time) : Grain, ITeamGrain
{
    private readonly SortedDictionary<string, SpecialistView> _members = new(StringComparer.Ordinal);
    private readonly Guid _incarnation = Guid.NewGuid();
    private long _liveVersion;
    private readonly ChangeSignal _changed = new();

    /// <summary>Name storage holds; interleaved reads never see a change still being written.</summary>
    private TeamView? _committed;

    private TeamState Team => state.State;

    private string Id => this.GetPrimaryKeyString();

    private string Name => new TeamName(Id).ToString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!Team.Created)
        {
            return;
        }

        _committed = Snapshot();

        var views = await Task.WhenAll(Team.MemberIds.Select(id => GrainFactory.Reference<ISpecialistGrain>(id).Find()));
        foreach (var view in views)
        {
            // Ids whose specialist was never written, or has since moved, are not members.
            if (view is not null && view.TeamId == Id)
            {
                _members[view.SpecialistId] = view;
            }
        }
    }

    public async Task<TeamView> Create(TeamProfile profile, string requestId)
    {
        if (Team.Created)
        {
            if (requestId.Length > 0 && requestId == Team.CreateRequestId)
            {
                await Directory().Register(Id);
                return View();
            }

            throw new SafetyException(SafetyErrorKind.AlreadyExists, $"{Name} already exists");
        }

        await EnsureLeadExists(profile.Lead);
        var now = time.GetUtcNow();
        await Persist(() =>
        {
            Team.Created = true;
            Team.Profile = profile;
            Team.CreateTime = now;
            Team.UpdateTime = now;
            Team.Version = 1;
            Team.CreateRequestId = requestId;
        });

        await Directory().Register(Id);
        Changed();
        return View();
    }

    public Task<TeamView> Get() => Task.FromResult(EnsureCreated());

    public async Task<TeamView> Update(TeamProfile values, ImmutableArray<string> fields, string? etag)
    {
        EnsureCreated();
        SafetyException.EnsureCurrent(Name, Team.Version, etag);

        var updated = ProfileChanges.Apply(Team.Profile, values, fields);
        if (updated == Team.Profile)
        {
            return View();
        }

        if (updated.Lead != Team.Profile.Lead)
        {
            await EnsureLeadExists(updated.Lead);
        }

        var now = time.GetUtcNow();
        await Persist(() =>
        {
            Team.Profile = updated;
            Team.UpdateTime = now;
            Team.Version++;
        });
        Changed();
        // Its site, vendor or clock may have changed: the organisation's totals follow at once.
        GrainFactory.Reference<ITeamMonitorGrain>(this.GetPrimaryKeyString()).Report().Ignore();
        return View();
    }

    public async Task Join(string specialistId)
    {
        EnsureCreated();
        if (!Team.MemberIds.Contains(specialistId))
        {
            await Persist(() => Team.MemberIds.Add(specialistId));
        }
    }

    public async Task Leave(string specialistId)
    {
        if (Team.MemberIds.Contains(specialistId))
        {
            await Persist(() => Team.MemberIds.Remove(specialistId));
        }

        if (_members.Remove(specialistId))
        {
            Changed();
        }
    }

    public Task MemberChanged(SpecialistView member)
    {
        if (member.TeamId != Id || !Team.MemberIds.Contains(member.SpecialistId))
        {
            if (_members.Remove(member.SpecialistId))
            {
                Changed();
            }

            return Task.CompletedTask;
        }

        // Versions only grow, so an older or repeated report is ignored.
        if (!_members.TryGetValue(member.SpecialistId, out var known) || known.Version < member.Version)
        {
            _members[member.SpecialistId] = member;
            Changed();
        }

        return Task.CompletedTask;
    }

    public Task<ImmutableArray<SpecialistView>> ListMembers(string afterId, int pageSize, bool includeDeactivated)
    {
        EnsureCreated();
        var page = _members
            .Where(m => string.CompareOrdinal(m.Key, afterId) > 0 && (includeDeactivated || !m.Value.Deactivated))
            .Take(pageSize)
            .Select(m => m.Value)
            .ToImmutableArray();
        return Task.FromResult(page);
    }

    public async Task<TeamRosterSnapshot> WatchNext(Guid incarnation, long knownVersion, TimeSpan maxWait)
    {
        EnsureCreated();
        if (incarnation == _incarnation && knownVersion >= _liveVersion)
        {
            await _changed.Wait(maxWait, time);
        }

        return new TeamRosterSnapshot(_incarnation, _liveVersion, View(), [.. _members.Values]);
    }

    private void Changed()
    {
        _liveVersion++;
        _changed.Fire();
    }

    private async Task EnsureLeadExists(string lead)
    {
        if (lead.Length == 0)
        {
            return;
        }

        var leadId = SpecialistName.TryParse(lead, out var name) ? name.SpecialistId : lead;
        var view = await GrainFactory.Reference<ISpecialistGrain>(leadId).Find();
        if (view is null)
        {
            throw SafetyException.NotFound(lead);
        }

        if (view.Deactivated)
        {
            throw SafetyException.FailedPrecondition($"{lead} is deactivated and cannot lead a team");
        }
    }

    private async Task Persist(Action change)
    {
        try
        {
            await StateWrites.Commit(state, this, change);
        }
        finally
        {
            _committed = Team.Created ? Snapshot() : null;
        }
    }

    private TeamView EnsureCreated() => _committed is not null ? View() : throw SafetyException.NotFound(Name);

    private ITeamDirectoryGrain Directory() => GrainFactory.Reference<ITeamDirectoryGrain>(ITeamDirectoryGrain.AllTeams);

    /// <summary>The committed team with the live member count.</summary>
    private TeamView View() =>
        (_committed ?? throw SafetyException.NotFound(Name)) with { MemberCount = _members.Values.Count(m => !m.Deactivated) };

    private TeamView Snapshot() => new(Id, Team.Profile, 0, Team.CreateTime, Team.UpdateTime, Team.Version);
}
