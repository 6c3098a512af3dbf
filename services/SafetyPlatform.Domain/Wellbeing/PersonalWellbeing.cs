using System.Collections.Immutable;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>
/// What applies to one specialist beyond their team's policy (docs/WELLBEING.md, "Opt-outs and
/// restrictions"): their opt-outs, each moved through <see cref="OptOutTransitions"/>, the
/// restrictions set on them, and how they chose to see each harm category. A change that is not
/// allowed returns its refusal and changes nothing.
/// </summary>
public sealed record PersonalWellbeing(
    ImmutableDictionary<HarmCategory, OptOut> OptOuts,
    ImmutableDictionary<HarmCategory, CategoryRestriction> Restrictions,
    ImmutableDictionary<HarmCategory, DisplayPreference> Display)
{
    public static PersonalWellbeing None { get; } = new(ImmutableDictionary<HarmCategory, OptOut>.Empty, ImmutableDictionary<HarmCategory, CategoryRestriction>.Empty,
        ImmutableDictionary<HarmCategory, DisplayPreference>.Empty);

    /// <summary>Their own choice for <paramref name="category"/>; null puts it back to their team's default.</summary>
    public PersonalWellbeing WithDisplay(HarmCategory category, DisplayPreference? preference) =>
        this with { Display = preference is null ? Display.Remove(category) : Display.SetItem(category, preference) };

    /// <summary>Moves the opt-out of <paramref name="category"/> to <paramref name="to"/>; a refusal when its lifecycle does not allow it.</summary>
    public (PersonalWellbeing Changed, string? Refusal) MoveOptOut(HarmCategory category, OptOutStatus to, string actor, string reason, DateTimeOffset at)
    {
        var from = OptOuts.TryGetValue(category, out var current) ? current.Status : OptOutStatus.Unspecified;
        return OptOutTransitions.Refusal(from, to) is { } refusal
            ? (this, $"{category}: {refusal}")
            : (this with { OptOuts = OptOuts.SetItem(category, new OptOut(category, to, actor, reason, at)) }, null);
    }

    /// <summary>Restricts <paramref name="category"/> until <paramref name="until"/>, replacing any restriction of it; a refusal for an end not after <paramref name="at"/>.</summary>
    public (PersonalWellbeing Changed, string? Refusal) Restrict(HarmCategory category, DateTimeOffset until, string actor, string reason, DateTimeOffset at) =>
        until <= at
            ? (this, $"{category}: a restriction must end after it starts")
            : (this with { Restrictions = Restrictions.SetItem(category, new CategoryRestriction(category, until, actor, reason, at)) }, null);

    /// <summary>Lifts the restriction of <paramref name="category"/>; a refusal when none is in force at <paramref name="at"/>.</summary>
    public (PersonalWellbeing Changed, string? Refusal) Lift(HarmCategory category, DateTimeOffset at) =>
        Restrictions.TryGetValue(category, out var restriction) && restriction.Until > at
            ? (this with { Restrictions = Restrictions.Remove(category) }, null)
            : (this, $"{category}: no restriction is in force");

    /// <summary>What routing applies: the approved opt-outs, and the restrictions by when they end.</summary>
    public PersonalLimits Limits() => new(
        [.. OptOuts.Values.Where(o => o.Status == OptOutStatus.Approved).Select(o => o.Category)],
        Restrictions.ToImmutableDictionary(r => r.Key, r => r.Value.Until));
}
