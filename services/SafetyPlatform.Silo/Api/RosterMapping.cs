using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Grains.Roster;
using Model = SafetyPlatform.Domain.Roster;
using HarmCategory = SafetyPlatform.Api.Type.V1.HarmCategory;

namespace SafetyPlatform.Silo.Api;

/// <summary>Between the roster's wire messages and the grains' records.</summary>
public static class RosterMapping
{
    public const string DefaultTimeZone = "Etc/UTC";

    public static Team ToProto(this TeamView view) => new()
    {
        Name = ResourceIds.Name(Collections.Teams, view.TeamId),
        DisplayName = view.Profile.DisplayName,
        Lead = view.Profile.Lead,
        Site = view.Profile.Site,
        Vendor = view.Profile.Vendor,
        TimeZone = view.Profile.TimeZone,
        MemberCount = view.MemberCount,
        CreateTime = Timestamp.FromDateTimeOffset(view.CreateTime),
        UpdateTime = Timestamp.FromDateTimeOffset(view.UpdateTime),
        Etag = view.Version.ToString(CultureInfo.InvariantCulture),
    };

    public static Specialist ToProto(this SpecialistView view, DateTimeOffset now)
    {
        var proto = new Specialist
        {
            Name = ResourceIds.Name(Collections.Specialists, view.SpecialistId),
            Team = ResourceIds.Name(Collections.Teams, view.TeamId),
            DisplayName = view.Profile.DisplayName,
            Role = (Role)view.Profile.Role,
            MaxConcurrentItems = view.Profile.MaxConcurrentItems,
            Site = view.Profile.Site,
            Vendor = view.Profile.Vendor,
            ActivityState = (ActivityState)view.ActivityState,
            ActivityStateStartTime = Timestamp.FromDateTimeOffset(view.ActivityStateStart),
            TimeInActivityState = Duration.FromTimeSpan(now > view.ActivityStateStart ? now - view.ActivityStateStart : TimeSpan.Zero),
            Deactivated = view.Deactivated,
            CreateTime = Timestamp.FromDateTimeOffset(view.CreateTime),
            UpdateTime = Timestamp.FromDateTimeOffset(view.UpdateTime),
            Etag = view.Version.ToString(CultureInfo.InvariantCulture),
        };
        if (view.DeactivateTime is { } deactivated)
        {
            proto.DeactivateTime = Timestamp.FromDateTimeOffset(deactivated);
        }

        proto.PolicySkills.AddRange(view.Profile.PolicySkills.Select(s => new global::SafetyPlatform.Api.Roster.V1.PolicySkill
        {
            HarmCategory = (HarmCategory)s.HarmCategory,
            Proficiency = (Proficiency)s.Proficiency,
        }));
        proto.LanguageSkills.AddRange(view.Profile.LanguageSkills.Select(s => new global::SafetyPlatform.Api.Roster.V1.LanguageSkill
        {
            LanguageCode = s.LanguageCode,
            Proficiency = (Proficiency)s.Proficiency,
        }));
        return proto;
    }

    public static ActivityTransition ToProto(this ActivityTransitionRecord record) => new()
    {
        Sequence = record.Sequence,
        FromState = (ActivityState)record.From,
        ToState = (ActivityState)record.To,
        TransitionTime = Timestamp.FromDateTimeOffset(record.At),
        Actor = record.Actor,
        Reason = record.Reason,
    };

    public static TeamProfile ToProfile(this Team team) => new(
        team.DisplayName,
        team.Lead,
        team.Site,
        team.Vendor,
        team.TimeZone.Length > 0 ? team.TimeZone : DefaultTimeZone);

    public static SpecialistProfile ToProfile(this Specialist specialist) => new(
        specialist.DisplayName,
        specialist.Role == Role.Unspecified ? Model.FloorRole.Specialist : (Model.FloorRole)specialist.Role,
        [.. specialist.PolicySkills.Select(s => new Grains.Abstractions.Roster.PolicySkill((Model.HarmCategory)s.HarmCategory, (Model.Proficiency)s.Proficiency))],
        [.. specialist.LanguageSkills.Select(s => new Grains.Abstractions.Roster.LanguageSkill(s.LanguageCode, (Model.Proficiency)s.Proficiency))],
        specialist.MaxConcurrentItems == 0 ? 1 : specialist.MaxConcurrentItems,
        specialist.Site,
        specialist.Vendor);
}
