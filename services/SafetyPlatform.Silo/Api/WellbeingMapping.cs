using System.Collections.Immutable;
using Google.Protobuf.WellKnownTypes;
using SafetyPlatform.Api.Wellbeing.V1;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Grains.Abstractions.Wellbeing;
using ApiHarmCategory = SafetyPlatform.Api.Type.V1.HarmCategory;
using HarmCategory = SafetyPlatform.Domain.Roster.HarmCategory;
using WellbeingPolicy = SafetyPlatform.Api.Wellbeing.V1.WellbeingPolicy;
using WellbeingPolicyRevision = SafetyPlatform.Api.Wellbeing.V1.WellbeingPolicyRevision;

namespace SafetyPlatform.Silo.Api;

/// <summary>Wellbeing records to their API messages.</summary>
public static class WellbeingMapping
{
    public static WellbeingPolicy ToProto(this WellbeingPolicyView view)
    {
        var policy = view.Policy.ToProto(view.TeamId);
        policy.Revision = view.Revision;
        policy.IsDefault = view.IsDefault;
        policy.UpdateTime = view.UpdateTime is { } at ? Timestamp.FromDateTimeOffset(at) : null;
        policy.UpdatedBy = view.UpdatedBy;
        policy.Etag = view.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return policy;
    }

    public static WellbeingPolicyRevision ToProto(this Grains.Abstractions.Wellbeing.WellbeingPolicyRevision revision, string teamId) => new()
    {
        Revision = revision.Revision,
        UpdateTime = Timestamp.FromDateTimeOffset(revision.At),
        Actor = revision.Actor,
        Reason = revision.Reason,
        Policy = revision.Policy.ToProto(teamId),
    };

    private static WellbeingPolicy ToProto(this Domain.Wellbeing.WellbeingPolicy policy, string teamId)
    {
        var message = new WellbeingPolicy
        {
            Name = PolicyName(teamId),
            CoolDown = Duration.FromTimeSpan(policy.CoolDown),
            MaxConsecutiveHighHarm = policy.MaxConsecutiveHighHarm,
            MicroBreakAfter = policy.MicroBreakAfter,
            MicroBreak = Duration.FromTimeSpan(policy.MicroBreak),
            WellnessBreakAfter = Duration.FromTimeSpan(policy.WellnessBreakAfter),
            WellnessBreak = Duration.FromTimeSpan(policy.WellnessBreak),
            HighHarmCutOff = policy.HighHarmCutOff is { } cutOff ? cutOff.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture) : string.Empty,
            RotationAfter = Duration.FromTimeSpan(policy.RotationAfter),
        };
        message.Budgets.AddRange(policy.Budgets.OrderBy(b => b.Key).Select(b =>
        {
            var budget = new SafetyPlatform.Api.Wellbeing.V1.ExposureBudget
            {
                HarmCategory = (ApiHarmCategory)b.Key,
                TimePerShift = b.Value.TimePerShift is { } shift ? Duration.FromTimeSpan(shift) : null,
                TimePerDay = b.Value.TimePerDay is { } day ? Duration.FromTimeSpan(day) : null,
            };
            if (b.Value.ItemsPerShift is { } perShift)
            {
                budget.ItemsPerShift = perShift;
            }

            if (b.Value.ItemsPerDay is { } perDay)
            {
                budget.ItemsPerDay = perDay;
            }

            return budget;
        }));
        return message;
    }

    /// <summary>The request's values as a domain policy; fields it leaves unset read as zero and are only used where the update mask names them.</summary>
    public static Domain.Wellbeing.WellbeingPolicy ToDomain(this WellbeingPolicy policy) => new(
        policy.Budgets.ToImmutableDictionary(b => (HarmCategory)b.HarmCategory, b => new Domain.Wellbeing.ExposureBudget(
            b.TimePerShift?.ToTimeSpan(), b.HasItemsPerShift ? b.ItemsPerShift : null, b.TimePerDay?.ToTimeSpan(), b.HasItemsPerDay ? b.ItemsPerDay : null)),
        policy.CoolDown?.ToTimeSpan() ?? TimeSpan.Zero,
        policy.MaxConsecutiveHighHarm,
        policy.MicroBreakAfter,
        policy.MicroBreak?.ToTimeSpan() ?? TimeSpan.Zero,
        policy.WellnessBreakAfter?.ToTimeSpan() ?? TimeSpan.Zero,
        policy.WellnessBreak?.ToTimeSpan() ?? TimeSpan.Zero,
        TimeOnly.TryParseExact(policy.HighHarmCutOff, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var cutOff) ? cutOff : null,
        policy.RotationAfter?.ToTimeSpan() ?? TimeSpan.Zero);

    public static string PolicyName(string teamId) => new TeamName(teamId) + "/wellbeingPolicy";
}
