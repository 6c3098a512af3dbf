using System.Collections.Immutable;
using SafetyPlatform.Domain.Roster;

namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>
/// Rules of a team's wellbeing policy that differ for the items of one queue (a queue of the
/// worst child-safety reports may want a longer cool-down and an earlier cut-off than the rest of
/// the team's work); each rule left null is the team's. The rules still weigh the specialist's
/// whole exposure, from every queue: an override changes which items of its queue may be offered,
/// not what is counted (docs/WELLBEING.md).
/// </summary>
/// <param name="Budgets">Budgets that replace the team's for the categories listed; the other categories keep the team's.</param>
/// <param name="CoolDown">The cool-down after a Critical item.</param>
/// <param name="MaxConsecutiveHighHarm">At most this many high-harm items in a row.</param>
/// <param name="MicroBreakAfter">The batch of harmful items after which a micro-break is due.</param>
/// <param name="MicroBreak">The micro-break.</param>
/// <param name="WellnessBreakAfter">High-harm handling since the last wellness break after which no high-harm item is offered.</param>
/// <param name="HighHarmCutOff">The local time after which no high-harm item of the queue is offered.</param>
/// <param name="RotationAfter">High-harm handling in a day after which no high-harm item of the queue is offered.</param>
public sealed record QueuePolicyOverride(
    ImmutableDictionary<HarmCategory, ExposureBudget>? Budgets = null,
    TimeSpan? CoolDown = null,
    int? MaxConsecutiveHighHarm = null,
    int? MicroBreakAfter = null,
    TimeSpan? MicroBreak = null,
    TimeSpan? WellnessBreakAfter = null,
    TimeOnly? HighHarmCutOff = null,
    TimeSpan? RotationAfter = null)
{
    /// <summary>Whether it changes any rule at all.</summary>
    public bool ChangesAnything => Budgets is { Count: > 0 } || CoolDown is not null || MaxConsecutiveHighHarm is not null || MicroBreakAfter is not null
        || MicroBreak is not null || WellnessBreakAfter is not null || HighHarmCutOff is not null || RotationAfter is not null;

    /// <summary>The rules in force for the queue's items: <paramref name="team"/>'s, with these in place of theirs.</summary>
    public WellbeingPolicy Over(WellbeingPolicy team) => team with
    {
        Budgets = Budgets is { } budgets ? team.Budgets.SetItems(budgets) : team.Budgets,
        CoolDown = CoolDown ?? team.CoolDown,
        MaxConsecutiveHighHarm = MaxConsecutiveHighHarm ?? team.MaxConsecutiveHighHarm,
        MicroBreakAfter = MicroBreakAfter ?? team.MicroBreakAfter,
        MicroBreak = MicroBreak ?? team.MicroBreak,
        WellnessBreakAfter = WellnessBreakAfter ?? team.WellnessBreakAfter,
        HighHarmCutOff = HighHarmCutOff ?? team.HighHarmCutOff,
        RotationAfter = RotationAfter ?? team.RotationAfter,
        QueueOverrides = null,
    };
}
