using System.Collections.Immutable;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>Exposure from one moment on: per harm category, and the time of high-harm handling.</summary>
public sealed record ExposureTotals(ImmutableDictionary<HarmCategory, ExposureAmount> ByCategory, TimeSpan HighHarm);
