using System.Collections.Immutable;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>
/// What applies to one specialist beyond their team's policy: harm categories they opted out of
/// (approved by their lead), and temporary restrictions set by their lead or the wellbeing team,
/// each until a time.
/// </summary>
public sealed record PersonalLimits(ImmutableHashSet<HarmCategory> OptOuts, ImmutableDictionary<HarmCategory, DateTimeOffset> RestrictedUntil)
{
    public static PersonalLimits None { get; } = new([], ImmutableDictionary<HarmCategory, DateTimeOffset>.Empty);

    /// <summary>Whether a restriction on <paramref name="category"/> is in force at <paramref name="now"/>.</summary>
    public bool Restricts(HarmCategory category, DateTimeOffset now) => RestrictedUntil.TryGetValue(category, out var until) && now < until;
}
