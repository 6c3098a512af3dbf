using System.Collections.Immutable;
using Orleans.Concurrency;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Grains.Abstractions.Roster;

/// <summary>A team: its profile, its members, and a live view of their states. Key: team id.</summary>
public interface ITeamGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the team. Repeating a create with the same non-empty request id returns the
    /// team unchanged; any other create of an existing team is ALREADY_EXISTS.
    /// </summary>
    Task<TeamView> Create(TeamProfile profile, string requestId);

    /// <summary>The team; NOT_FOUND when it was never created.</summary>
    [AlwaysInterleave]
    Task<TeamView> Get();

    /// <summary>Changes the named profile fields (`display_name`, `lead`, `site`, `vendor`, `time_zone`).</summary>
    Task<TeamView> Update(TeamProfile values, ImmutableArray<string> fields, string? etag);

    /// <summary>Records durably that the specialist belongs to the team (idempotent).</summary>
    Task Join(string specialistId);

    /// <summary>Records durably that the specialist has left the team (idempotent).</summary>
    Task Leave(string specialistId);

    /// <summary>Tells the team a member's durable state has changed.</summary>
    Task MemberChanged(SpecialistView member);

    /// <summary>Members in id order after <paramref name="afterId"/>.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<SpecialistView>> ListMembers(string afterId, int pageSize, bool includeDeactivated);

    /// <summary>
    /// Long poll for watchers: answers with the current roster as soon as it is newer than
    /// (<paramref name="incarnation"/>, <paramref name="knownVersion"/>), or when
    /// <paramref name="maxWait"/> has passed.
    /// </summary>
    [AlwaysInterleave]
    Task<TeamRosterSnapshot> WatchNext(Guid incarnation, long knownVersion, TimeSpan maxWait);
}

/// <summary>One specialist: profile, team, live activity state and its history. Key: specialist id.</summary>
public interface ISpecialistGrain : IGrainWithStringKey
{
    /// <summary>Creates the specialist, OFFLINE, in a team. Idempotent on a non-empty request id.</summary>
    Task<SpecialistView> Create(string teamId, SpecialistProfile profile, string requestId);

    /// <summary>The specialist; NOT_FOUND when never created.</summary>
    [AlwaysInterleave]
    Task<SpecialistView> Get();

    /// <summary>The specialist, or null when never created.</summary>
    [AlwaysInterleave]
    Task<SpecialistView?> Find();

    /// <summary>Changes the named profile fields.</summary>
    Task<SpecialistView> Update(SpecialistProfile values, ImmutableArray<string> fields, string? etag);

    /// <summary>Moves the specialist to another team; no change when already there.</summary>
    Task<SpecialistView> Move(string teamId, ChangeContext change);

    /// <summary>Deactivates the specialist for good; no change when already deactivated.</summary>
    Task<SpecialistView> Deactivate(ChangeContext change);

    /// <summary>Sets the activity state by hand, checked against the transition table.</summary>
    Task<SpecialistView> SetActivityState(ActivityState target, ChangeContext change);

    /// <summary>Work began: AVAILABLE → HANDLING (no change when already HANDLING).</summary>
    Task<SpecialistView> StartHandling(ChangeContext change);

    /// <summary>The last held item is finished: HANDLING → AVAILABLE (no change from any other state).</summary>
    Task<SpecialistView> FinishHandling(ChangeContext change);

    /// <summary>Activity transitions with a sequence above <paramref name="afterSequence"/>, oldest first.</summary>
    Task<ImmutableArray<ActivityTransitionRecord>> ListTransitions(long afterSequence, int pageSize);
}

/// <summary>The list of all teams, for ListTeams. Key: <see cref="AllTeams"/>.</summary>
public interface ITeamDirectoryGrain : IGrainWithStringKey
{
    public const string AllTeams = "all";

    /// <summary>Adds a team id (idempotent), durably.</summary>
    Task Register(string teamId);

    /// <summary>Team ids in order after <paramref name="afterId"/>.</summary>
    [AlwaysInterleave]
    Task<IdPage> List(string afterId, int pageSize);
}

/// <summary>
/// Remembers which resource a create's request id produced, so a retried create returns the
/// same resource and never makes a second one. Key: `{operation}/{request id}`.
/// </summary>
public interface IRequestLedgerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Returns the id recorded for this request, recording <paramref name="proposedId"/> on
    /// first use. INVALID_ARGUMENT (request_id) when the key was used for a different request.
    /// </summary>
    Task<string> Claim(string fingerprint, string proposedId);
}
