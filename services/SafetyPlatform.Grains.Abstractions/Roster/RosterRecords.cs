using System.Collections.Immutable;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Grains.Abstractions.Roster;

/// <summary>The editable fields of a team.</summary>
[GenerateSerializer, Immutable, Alias("safety.TeamProfile")]
public sealed record TeamProfile(
    [property: Id(0)] string DisplayName,
    [property: Id(1)] string Lead,
    [property: Id(2)] string Site,
    [property: Id(3)] string Vendor,
    [property: Id(4)] string TimeZone);

/// <summary>A team as readers see it.</summary>
[GenerateSerializer, Immutable, Alias("safety.TeamView")]
public sealed record TeamView(
    [property: Id(0)] string TeamId,
    [property: Id(1)] TeamProfile Profile,
    [property: Id(2)] int MemberCount,
    [property: Id(3)] DateTimeOffset CreateTime,
    [property: Id(4)] DateTimeOffset UpdateTime,
    [property: Id(5)] long Version);

/// <summary>A policy area a specialist may review, and how well.</summary>
[GenerateSerializer, Immutable, Alias("safety.PolicySkill")]
public sealed record PolicySkill(
    [property: Id(0)] HarmCategory HarmCategory,
    [property: Id(1)] Proficiency Proficiency);

/// <summary>A language a specialist reviews in, and how well.</summary>
[GenerateSerializer, Immutable, Alias("safety.LanguageSkill")]
public sealed record LanguageSkill(
    [property: Id(0)] string LanguageCode,
    [property: Id(1)] Proficiency Proficiency);

/// <summary>The editable fields of a specialist.</summary>
[GenerateSerializer, Immutable, Alias("safety.SpecialistProfile")]
public sealed record SpecialistProfile(
    [property: Id(0)] string DisplayName,
    [property: Id(1)] FloorRole Role,
    [property: Id(2)] ImmutableArray<PolicySkill> PolicySkills,
    [property: Id(3)] ImmutableArray<LanguageSkill> LanguageSkills,
    [property: Id(4)] int MaxConcurrentItems,
    [property: Id(5)] string Site,
    [property: Id(6)] string Vendor);

/// <summary>A specialist as readers see it, with the live activity state.</summary>
[GenerateSerializer, Immutable, Alias("safety.SpecialistView")]
public sealed record SpecialistView(
    [property: Id(0)] string SpecialistId,
    [property: Id(1)] string TeamId,
    [property: Id(2)] SpecialistProfile Profile,
    [property: Id(3)] ActivityState ActivityState,
    [property: Id(4)] DateTimeOffset ActivityStateStart,
    [property: Id(5)] DateTimeOffset? DeactivateTime,
    [property: Id(6)] DateTimeOffset CreateTime,
    [property: Id(7)] DateTimeOffset UpdateTime,
    [property: Id(8)] long Version)
{
    public bool Deactivated => DeactivateTime is not null;
}

/// <summary>One change of activity state, kept for good.</summary>
[GenerateSerializer, Immutable, Alias("safety.ActivityTransitionRecord")]
public sealed record ActivityTransitionRecord(
    [property: Id(0)] long Sequence,
    [property: Id(1)] ActivityState From,
    [property: Id(2)] ActivityState To,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string Actor,
    [property: Id(5)] string Reason);

/// <summary>Who asks for a change and why, plus the etag that makes it conditional.</summary>
[GenerateSerializer, Immutable, Alias("safety.ChangeContext")]
public sealed record ChangeContext(
    [property: Id(0)] string Actor,
    [property: Id(1)] string Reason,
    [property: Id(2)] string? Etag);

/// <summary>A team's whole live roster at one moment, for watchers.</summary>
/// <param name="Incarnation">Changes when the team's activation changes; versions restart then.</param>
/// <param name="Version">Grows with every change seen by this activation.</param>
/// <param name="Team">The team itself.</param>
/// <param name="Members">Every member, active or deactivated, in id order.</param>
[GenerateSerializer, Immutable, Alias("safety.TeamRosterSnapshot")]
public sealed record TeamRosterSnapshot(
    [property: Id(0)] Guid Incarnation,
    [property: Id(1)] long Version,
    [property: Id(2)] TeamView Team,
    [property: Id(3)] ImmutableArray<SpecialistView> Members);

/// <summary>One page of ids in ascending order.</summary>
[GenerateSerializer, Immutable, Alias("safety.IdPage")]
public sealed record IdPage(
    [property: Id(0)] ImmutableArray<string> Ids,
    [property: Id(1)] bool HasMore);
