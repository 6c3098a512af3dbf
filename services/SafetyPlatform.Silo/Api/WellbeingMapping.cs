using System.Collections.Immutable;
using Google.Protobuf.WellKnownTypes;
using SafetyPlatform.Api.Wellbeing.V1;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Domain.Wellbeing;
using SafetyPlatform.Grains.Abstractions.Wellbeing;
using ApiHarmCategory = SafetyPlatform.Api.Type.V1.HarmCategory;
using DomainExposureAmount = SafetyPlatform.Domain.Wellbeing.ExposureAmount;
using ExposureAmount = SafetyPlatform.Api.Wellbeing.V1.ExposureAmount;
using HarmCategory = SafetyPlatform.Domain.Roster.HarmCategory;
using HarmSeverity = SafetyPlatform.Api.Wellbeing.V1.HarmSeverity;
using WellbeingPolicy = SafetyPlatform.Api.Wellbeing.V1.WellbeingPolicy;
using WellbeingPolicyRevision = SafetyPlatform.Api.Wellbeing.V1.WellbeingPolicyRevision;
using PersonalWellbeing = SafetyPlatform.Api.Wellbeing.V1.PersonalWellbeing;

namespace SafetyPlatform.Silo.Api;

/// <summary>Wellbeing records to their API messages.</summary>
public static class WellbeingMapping
{
    public static Exposure ToProto(this ExposureView view)
    {
        var exposure = new Exposure
        {
            Name = new SpecialistName(view.SpecialistId) + "/exposure",
            ReadTime = Timestamp.FromDateTimeOffset(view.At),
            ShiftStartTime = view.ShiftStart is { } shift ? Timestamp.FromDateTimeOffset(shift) : null,
            OnWellnessBreak = view.OnWellnessBreak,
            LastWellnessBreakEndTime = view.LastWellnessBreakEnd is { } end ? Timestamp.FromDateTimeOffset(end) : null,
            ItemsInHand = view.ItemsInHand,
            ThisShift = Sum(view.ThisShift),
            Today = Sum(view.Today),
            LastSevenDays = Sum(view.LastSevenDays),
        };
        exposure.Categories.AddRange(view.LastSevenDays.Keys.Union(view.Today.Keys).Union(view.ThisShift.Keys).Order().Select(category => new CategoryExposure
        {
            HarmCategory = (ApiHarmCategory)category,
            Severity = (HarmSeverity)((int)HarmTaxonomy.SeverityOf(category) + 1),
            ThisShift = ToProto(view.ThisShift.GetValueOrDefault(category, DomainExposureAmount.None)),
            Today = ToProto(view.Today.GetValueOrDefault(category, DomainExposureAmount.None)),
            LastSevenDays = ToProto(view.LastSevenDays.GetValueOrDefault(category, DomainExposureAmount.None)),
        }));
        return exposure;
    }

    private static ExposureAmount Sum(ImmutableDictionary<HarmCategory, DomainExposureAmount> amounts) => ToProto(new DomainExposureAmount(
        amounts.Values.Sum(a => a.Items),
        amounts.Values.Aggregate(TimeSpan.Zero, (sum, a) => sum + a.Time),
        amounts.Values.Sum(a => a.WeightedMinutes)));

    private static ExposureAmount ToProto(DomainExposureAmount amount) => new()
    {
        Items = amount.Items,
        HandlingTime = Duration.FromTimeSpan(amount.Time),
        WeightedMinutes = amount.WeightedMinutes,
    };

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
            HighHarmCutOff = policy.HighHarmCutOff is { } cutOff ? LocalTime(cutOff) : string.Empty,
            RotationAfter = Duration.FromTimeSpan(policy.RotationAfter),
            ReturnItemsOnWellnessBreak = policy.ReturnItemsOnWellnessBreak,
            DisplayDefaults = { ToProto(policy.Displays) },
        };
        message.Budgets.AddRange(ToProto(policy.Budgets));
        message.QueueOverrides.AddRange(policy.Overrides.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => ToProto(o.Key, o.Value)));
        return message;
    }

    private static IEnumerable<SafetyPlatform.Api.Wellbeing.V1.ExposureBudget> ToProto(ImmutableDictionary<HarmCategory, Domain.Wellbeing.ExposureBudget> budgets) =>
        budgets.OrderBy(b => b.Key).Select(b =>
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
        });

    private static QueueWellbeingOverride ToProto(string queueId, QueuePolicyOverride change)
    {
        var message = new QueueWellbeingOverride
        {
            Queue = new QueueName(queueId).ToString(),
            CoolDown = change.CoolDown is { } coolDown ? Duration.FromTimeSpan(coolDown) : null,
            MicroBreak = change.MicroBreak is { } microBreak ? Duration.FromTimeSpan(microBreak) : null,
            WellnessBreakAfter = change.WellnessBreakAfter is { } after ? Duration.FromTimeSpan(after) : null,
            HighHarmCutOff = change.HighHarmCutOff is { } cutOff ? LocalTime(cutOff) : string.Empty,
            RotationAfter = change.RotationAfter is { } rotation ? Duration.FromTimeSpan(rotation) : null,
        };
        message.Budgets.AddRange(ToProto(change.Budgets ?? ImmutableDictionary<HarmCategory, Domain.Wellbeing.ExposureBudget>.Empty));
        if (change.MaxConsecutiveHighHarm is { } inARow)
        {
            message.MaxConsecutiveHighHarm = inARow;
        }

        if (change.MicroBreakAfter is { } batch)
        {
            message.MicroBreakAfter = batch;
        }

        return message;
    }

    private static string LocalTime(TimeOnly time) => time.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static TimeOnly? LocalTime(string value) => TimeOnly.TryParseExact(value, "HH:mm", System.Globalization.CultureInfo.InvariantCulture,
        System.Globalization.DateTimeStyles.None, out var time) ? time : null;

    private static ImmutableDictionary<HarmCategory, Domain.Wellbeing.ExposureBudget> ToDomain(IEnumerable<SafetyPlatform.Api.Wellbeing.V1.ExposureBudget> budgets) =>
        budgets.ToImmutableDictionary(b => (HarmCategory)b.HarmCategory, b => new Domain.Wellbeing.ExposureBudget(
            b.TimePerShift is null ? null : Time(b.TimePerShift), b.HasItemsPerShift ? b.ItemsPerShift : null,
            b.TimePerDay is null ? null : Time(b.TimePerDay), b.HasItemsPerDay ? b.ItemsPerDay : null));

    private static QueuePolicyOverride ToDomain(QueueWellbeingOverride change) => new(
        change.Budgets.Count > 0 ? ToDomain(change.Budgets) : null,
        change.CoolDown is null ? null : Time(change.CoolDown),
        change.HasMaxConsecutiveHighHarm ? change.MaxConsecutiveHighHarm : null,
        change.HasMicroBreakAfter ? change.MicroBreakAfter : null,
        change.MicroBreak is null ? null : Time(change.MicroBreak),
        change.WellnessBreakAfter is null ? null : Time(change.WellnessBreakAfter),
        LocalTime(change.HighHarmCutOff),
        change.RotationAfter is null ? null : Time(change.RotationAfter));

    private static TimeSpan Time(Duration? d) => d is null ? TimeSpan.Zero : ProtoTimes.AsTimeSpan(d) ?? TimeSpan.Zero;

    /// <summary>
    /// The request's values of the <paramref name="fields"/> an update changes, as a domain
    /// policy (checked first: WellbeingRequestRules.PolicyFields); the fields it does not change
    /// are left at the defaults and never read.
    /// </summary>
    public static Domain.Wellbeing.WellbeingPolicy ToDomain(this WellbeingPolicy policy, IReadOnlyCollection<string> fields)
    {
        var values = Domain.Wellbeing.WellbeingPolicy.Default;
        foreach (var field in fields)
        {
            values = field switch
            {
                "budgets" => values with { Budgets = ToDomain(policy.Budgets) },
                "cool_down" => values with { CoolDown = Time(policy.CoolDown) },
                "max_consecutive_high_harm" => values with { MaxConsecutiveHighHarm = policy.MaxConsecutiveHighHarm },
                "micro_break_after" => values with { MicroBreakAfter = policy.MicroBreakAfter },
                "micro_break" => values with { MicroBreak = Time(policy.MicroBreak) },
                "wellness_break_after" => values with { WellnessBreakAfter = Time(policy.WellnessBreakAfter) },
                "wellness_break" => values with { WellnessBreak = Time(policy.WellnessBreak) },
                "high_harm_cut_off" => values with { HighHarmCutOff = LocalTime(policy.HighHarmCutOff) },
                "rotation_after" => values with { RotationAfter = Time(policy.RotationAfter) },
                "return_items_on_wellness_break" => values with { ReturnItemsOnWellnessBreak = policy.ReturnItemsOnWellnessBreak },
                "display_defaults" => values with { DisplayDefaults = policy.DisplayDefaults.ToImmutableDictionary(d => (HarmCategory)d.HarmCategory, d => d.Display.ToDomain()) },
                "queue_overrides" => values with
                {
                    QueueOverrides = policy.QueueOverrides.Count == 0 ? null : policy.QueueOverrides.ToImmutableDictionary(
                        o => QueueName.TryParse(o.Queue, out var queue) ? queue.QueueId : o.Queue, ToDomain, StringComparer.Ordinal),
                },
                _ => values,
            };
        }

        return values;
    }

    public static string PolicyName(string teamId) => new WellbeingPolicyName(teamId).ToString();

    public static PersonalWellbeing ToProto(this PersonalWellbeingView view)
    {
        var message = new PersonalWellbeing { Name = new SpecialistName(view.SpecialistId) + "/personalWellbeing", DisplayPreferences = { ToProto(view.Display) } };
        message.OptOuts.AddRange(view.OptOuts.Select(o => new SafetyPlatform.Api.Wellbeing.V1.OptOut
        {
            HarmCategory = (ApiHarmCategory)o.Category,
            State = (OptOutState)(int)o.Status,
            Actor = o.Actor,
            Reason = o.Reason,
            UpdateTime = Timestamp.FromDateTimeOffset(o.At),
        }));
        message.Restrictions.AddRange(view.Restrictions.Select(r => new HarmCategoryRestriction
        {
            HarmCategory = (ApiHarmCategory)r.Category,
            ExpireTime = Timestamp.FromDateTimeOffset(r.Until),
            Actor = r.Actor,
            Reason = r.Reason,
            CreateTime = Timestamp.FromDateTimeOffset(r.At),
        }));
        return message;
    }

    public static MemberWellbeing ToProto(this MemberWellbeingView view)
    {
        var message = new MemberWellbeing
        {
            Specialist = new SpecialistName(view.SpecialistId).ToString(),
            ReadTime = Timestamp.FromDateTimeOffset(view.At),
            Today = ToProto(view.Today),
            ThisShift = ToProto(view.ThisShift),
            NearLimit = view.Limits.Any(l => l.Share >= WellbeingAlertRules.NearLimit),
            CoolDownEndTime = view.CoolingUntil is { } until && until != DateTimeOffset.MaxValue ? Timestamp.FromDateTimeOffset(until) : null,
            OnWellnessBreak = view.OnWellnessBreak,
            WellnessBreakDueTime = view.BreakDueSince is { } due ? Timestamp.FromDateTimeOffset(due) : null,
            WellnessBreakOverdue = view.BreakOverdue,
            WellnessBreaksTaken = view.BreaksTakenToday,
            WellnessBreaksCutShort = view.BreaksCutShortToday,
            ItemsInHand = view.ItemsInHand,
        };
        message.Limits.AddRange(view.Limits.Select(l => new SafetyPlatform.Api.Wellbeing.V1.LimitUse { Limit = l.Limit, Used = l.Used, Allowed = l.Allowed, Share = l.Share }));
        return message;
    }

    private static IEnumerable<CategoryDisplay> ToProto(IReadOnlyDictionary<HarmCategory, DisplayPreference> displays) =>
        displays.OrderBy(d => d.Key).Select(d => new CategoryDisplay { HarmCategory = (ApiHarmCategory)d.Key, Display = d.Value.ToProto() });

    public static SafetyPlatform.Api.Type.V1.DisplayPreference ToProto(this DisplayPreference display) => new()
    {
        Blur = (SafetyPlatform.Api.Type.V1.Blur)(int)display.Blur,
        Greyscale = display.Greyscale,
        Muted = display.Muted,
        WarningScreen = display.WarningScreen,
    };

    public static DisplayPreference ToDomain(this SafetyPlatform.Api.Type.V1.DisplayPreference display) =>
        new((BlurLevel)(int)display.Blur, display.Greyscale, display.Muted, display.WarningScreen);
}
