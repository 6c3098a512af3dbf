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
}
