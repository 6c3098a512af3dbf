using System.Collections.Immutable;
using SafetyPlatform.Domain.Work;
using SafetyPlatform.Grains.Abstractions.Roster;

namespace SafetyPlatform.Grains.Abstractions.Work;

/// <summary>Between the item a queue holds and the view that crosses the wire.</summary>
public static class WorkItemViews
{
    public static WorkItemView View(this WorkItem item, string queueId) =>
        new(queueId, item.ItemId, item.Submission, item.Status, item.Holder, item.ReservationExpiry, item.Arrival, item.Deadline,
            item.Outcome, item.History, item.EscalatedTo);

    /// <summary>The item as another queue sent it on escalation: its submission, times and history; nothing of its holding there.</summary>
    public static WorkItem Arriving(this WorkItemView view) =>
        new(view.ItemId, 0, view.Submission, view.Status, string.Empty, null, view.Arrival, view.Deadline, null, null, [], view.History);

    public static RoutingExplanationView View(this RoutingExplanation explanation, string queueId) =>
        new(queueId, explanation.Verdict.Rule, explanation.Why, explanation.Next?.View(queueId));

    /// <summary>What routing needs of a specialist: who, which team, which skills.</summary>
    public static RoutingProfile RoutingProfile(this SpecialistView specialist) => new(
        specialist.SpecialistId,
        specialist.Profile.PolicySkills.ToImmutableDictionary(s => s.HarmCategory, s => s.Proficiency),
        specialist.Profile.LanguageSkills.ToImmutableDictionary(s => s.LanguageCode, s => s.Proficiency, StringComparer.OrdinalIgnoreCase),
        specialist.TeamId,
        Role: specialist.Profile.Role);
}
