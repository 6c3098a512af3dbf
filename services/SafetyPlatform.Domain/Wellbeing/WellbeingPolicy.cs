using System.Collections.Immutable;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>
/// A team's limits on exposure (docs/WELLBEING.md gives each rule, its default and its source).
/// High harm is severity High or Critical (<see cref="HarmTaxonomy"/>).
/// </summary>
/// <param name="Budgets">Per harm category; a category not listed has no budget.</param>
/// <param name="CoolDown">After a Critical item, no other Critical item until this long after it ended.</param>
/// <param name="MaxConsecutiveHighHarm">At most this many high-harm items in a row (a lower-harm item or a wellness break ends the run).</param>
/// <param name="MicroBreakAfter">After this many harmful (Medium or worse) items back to back (gaps shorter than <paramref name="MicroBreak"/>) ...</param>
/// <param name="MicroBreak">... no harmful item until a gap of this long.</param>
/// <param name="WellnessBreakAfter">After this much high-harm handling since the last wellness break (or the shift's start), no high-harm item until one is taken.</param>
/// <param name="WellnessBreak">A wellness break counts once it has lasted this long.</param>
/// <param name="HighHarmCutOff">Local time of day after which no high-harm item is offered (nor one expected to run past it); null: none.</param>
/// <param name="RotationAfter">After this much high-harm handling in a day, only lower-harm items.</param>
/// <param name="DisplayDefaults">How the team's review tools show each harm category until a specialist chooses otherwise; a category not listed takes the platform's default for its severity (<see cref="DisplayPreference.DefaultFor"/>).</param>
/// <param name="ReturnItemsOnWellnessBreak">Whether items in hand go back to their queues when the specialist takes a wellness break (otherwise they keep them, to finish after it).</param>
/// <param name="QueueOverrides">Rules that differ for the items of a queue, by queue id (<see cref="ForQueue"/>).</param>
public sealed record WellbeingPolicy(
    ImmutableDictionary<HarmCategory, ExposureBudget> Budgets,
    TimeSpan CoolDown,
    int MaxConsecutiveHighHarm,
    int MicroBreakAfter,
    TimeSpan MicroBreak,
    TimeSpan WellnessBreakAfter,
    TimeSpan WellnessBreak,
    TimeOnly? HighHarmCutOff,
    TimeSpan RotationAfter,
    bool ReturnItemsOnWellnessBreak = false,
    ImmutableDictionary<HarmCategory, DisplayPreference>? DisplayDefaults = null,
    ImmutableDictionary<string, QueuePolicyOverride>? QueueOverrides = null)
{
    /// <summary>The team's display defaults (none set: empty).</summary>
    public ImmutableDictionary<HarmCategory, DisplayPreference> Displays => DisplayDefaults ?? ImmutableDictionary<HarmCategory, DisplayPreference>.Empty;

    /// <summary>The overrides by queue id (none set: empty).</summary>
    public ImmutableDictionary<string, QueuePolicyOverride> Overrides => QueueOverrides ?? ImmutableDictionary<string, QueuePolicyOverride>.Empty;

    /// <summary>The rules in force for the items of <paramref name="queueId"/>: the team's, with the queue's override in place of theirs.</summary>
    public WellbeingPolicy ForQueue(string queueId) => Overrides.TryGetValue(queueId, out var change) ? change.Over(this) : this;

    /// <summary>
    /// The defaults: 5 hours a day of child sexual abuse imagery and of violent extremism with
    /// hourly breaks and a 4 pm cut-off (IWF), and no more than 5 hours of high-harm work of any
    /// kind in a day; 4 hours a day of other disturbing content (YouTube, 2018); micro-breaks of 3 minutes between batches (wellbeing providers: 2–5 minutes);
    /// wellness breaks of 10 minutes after each hour (at least the 30 minutes per 8-hour shift an
    /// outsourcer gives).
    /// </summary>
    public static WellbeingPolicy Default { get; } = new(
        ImmutableDictionary<HarmCategory, ExposureBudget>.Empty
            .Add(HarmCategory.ChildSafety, new ExposureBudget(null, null, TimeSpan.FromHours(5), null))
            .Add(HarmCategory.ViolentExtremism, new ExposureBudget(null, null, TimeSpan.FromHours(5), null))
            .Add(HarmCategory.SuicideSelfHarm, new ExposureBudget(null, null, TimeSpan.FromHours(4), null))
            .Add(HarmCategory.ViolentGraphic, new ExposureBudget(null, null, TimeSpan.FromHours(4), null))
            .Add(HarmCategory.AnimalCruelty, new ExposureBudget(null, null, TimeSpan.FromHours(4), null)),
        CoolDown: TimeSpan.FromMinutes(5),
        MaxConsecutiveHighHarm: 5,
        MicroBreakAfter: 10,
        MicroBreak: TimeSpan.FromMinutes(3),
        WellnessBreakAfter: TimeSpan.FromHours(1),
        WellnessBreak: TimeSpan.FromMinutes(10),
        HighHarmCutOff: new TimeOnly(16, 0),
        RotationAfter: TimeSpan.FromHours(5));

    /// <summary>The budget of <paramref name="category"/>; unlimited when none is set.</summary>
    public ExposureBudget BudgetOf(HarmCategory category) => Budgets.GetValueOrDefault(category, ExposureBudget.Unlimited);
}
