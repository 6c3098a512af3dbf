using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Domain.Work;

/// <summary>
/// The one set of rules for "may this specialist be offered this item; if not, which rule says
/// no". Every routing path asks here: the desk (the specialist and the queues they serve), the
/// queue (each item, for pull, push rounds and transfers), and the accept check. Each rule looks
/// at one scope — the specialist alone, the queue, the item's language, or the item itself (a
/// rejection before; the wellbeing limits, docs/WELLBEING.md) — so
/// a caller that knows only part of the picture checks the rules of that part, and the backlog can
/// rule out every item of a language at once. A new rule is one more entry in <see cref="Rules"/>.
/// </summary>
public static class Eligibility
{
    private static readonly IReadOnlyList<NamedRule> Rules =
    [
        new(EligibilityRule.Deactivated, EligibilityScope.Specialist, q =>
            q.Availability!.Deactivated ? $"{Who(q)} is deactivated" : null),
        new(EligibilityRule.ActivityState, EligibilityScope.Specialist, q =>
            q.Availability!.State is ActivityState.Available or ActivityState.Handling
                ? null
                : $"{Who(q)} is {ActivityTransitions.Describe(q.Availability.State)}; only AVAILABLE or HANDLING specialists take work"),
        new(EligibilityRule.FreeSlot, EligibilityScope.Specialist, q =>
            q.Availability!.SlotsTaken < q.Availability.MaxConcurrentItems
                ? null
                : $"all {q.Availability.MaxConcurrentItems} of {Who(q)}'s slots are taken by held items and open offers"),
        new(EligibilityRule.TeamServesQueue, EligibilityScope.Queue, q =>
            q.Queue!.ServingTeams.Contains(q.Specialist.TeamId, StringComparer.Ordinal)
                ? null
                : $"queues/{q.Queue.QueueId} is not served by {Who(q)}'s team (teams/{q.Specialist.TeamId})"),
        new(EligibilityRule.Role, EligibilityScope.Queue, q =>
            q.Queue!.Requirements.RequiredRole is var role && (role == FloorRole.Unspecified || q.Specialist.Role == role)
                ? null
                : $"queues/{q.Queue.QueueId} takes only {Describe(role)}s; {Who(q)} is a {Describe(q.Specialist.Role)}"),
        new(EligibilityRule.PolicySkill, EligibilityScope.Queue, q =>
            q.Specialist.Skills.PolicyAreas.ContainsKey(q.Queue!.Requirements.HarmCategory)
                ? null
                : $"{Who(q)} has no skill in {q.Queue.Requirements.HarmCategory}, the policy area of queues/{q.Queue.QueueId}"),
        new(EligibilityRule.Proficiency, EligibilityScope.Queue, q =>
            q.Specialist.Skills.PolicyAreas[q.Queue!.Requirements.HarmCategory] is var level && level >= q.Queue.Requirements.MinimumProficiency
                ? null
                : $"{Who(q)} is {Describe(level)} in {q.Queue.Requirements.HarmCategory}; queues/{q.Queue.QueueId} asks at least {Describe(q.Queue.Requirements.MinimumProficiency)}"),
        new(EligibilityRule.Language, EligibilityScope.Queue, q =>
            q.Queue!.Requirements.Languages.Count == 0 || q.Queue.Requirements.Languages.Any(l => q.Specialist.Skills.ReadingOf(l) != Proficiency.Unspecified)
                ? null
                : $"{Who(q)} reads none of the languages of queues/{q.Queue.QueueId} ({string.Join(", ", q.Queue.Requirements.Languages)})"),
        new(EligibilityRule.Proficiency, EligibilityScope.Queue, q =>
            q.Queue!.Requirements.Languages.Count == 0 || q.Queue.Requirements.Languages.Any(l => Reads(q, l))
                ? null
                : $"{Who(q)} reads the languages of queues/{q.Queue.QueueId} ({string.Join(", ", q.Queue.Requirements.Languages)}) below {Describe(q.Queue.Requirements.MinimumProficiency)}, the minimum it asks"),
        new(EligibilityRule.Language, EligibilityScope.ItemLanguage, q =>
            string.IsNullOrEmpty(q.ItemLanguage) || q.Specialist.Skills.ReadingOf(q.ItemLanguage) != Proficiency.Unspecified
                ? null
                : $"{Who(q)} does not read {q.ItemLanguage}, the item's language"),
        new(EligibilityRule.Proficiency, EligibilityScope.ItemLanguage, q =>
            string.IsNullOrEmpty(q.ItemLanguage) || Reads(q, q.ItemLanguage)
                ? null
                : $"{Who(q)} reads {q.ItemLanguage} at {Describe(q.Specialist.Skills.ReadingOf(q.ItemLanguage))}; queues/{q.Queue!.QueueId} asks at least {Describe(q.Queue.Requirements.MinimumProficiency)}"),
        new(EligibilityRule.RejectedBefore, EligibilityScope.Item, q =>
            q.Item!.SkippedBy.Contains(q.Specialist.SpecialistId)
                ? $"{Who(q)} rejected queues/{q.Queue!.QueueId}/workItems/{q.Item.ItemId} before"
                : null),
        new(EligibilityRule.OwnWorkAudited, EligibilityScope.Item, q =>
            q.Item!.Submission.AuditedSpecialist == q.Specialist.SpecialistId
                ? $"queues/{q.Queue!.QueueId}/workItems/{q.Item.ItemId} audits {q.Item.Submission.AuditedItem}, which {Who(q)} completed"
                : null),
        new(EligibilityRule.Wellbeing, EligibilityScope.Item, q =>
            q.Specialist.Wellbeing is { } standing
            && WellbeingRules.Check(standing, q.Queue!.QueueId, ItemExposure.Of(q.Item!.Submission.HarmCategory, q.Queue.ExpectedHandleTimeOrDefault)) is { IsAllowed: false } held
                ? $"{Who(q)} is held back from queues/{q.Queue.QueueId}/workItems/{q.Item.ItemId} by the wellbeing rule {held.Rule}: {held.Reason}"
                : null),
    ];

    /// <summary>Whether the specialist is in a position to take work at all (deactivated, state, free slot).</summary>
    public static EligibilityVerdict ToTakeWork(RoutingCandidate specialist, SpecialistAvailability availability) =>
        Check(new Question(specialist, availability, null, null, null), EligibilityScope.Specialist);

    /// <summary>
    /// Whether the specialist may start work on an item already offered to them: the rules of
    /// the specialist alone, except a free slot, since the offer already holds one.
    /// </summary>
    public static EligibilityVerdict ToStartOffered(RoutingCandidate specialist, SpecialistAvailability availability) =>
        Check(new Question(specialist, availability, null, null, null), EligibilityScope.Specialist, skip: EligibilityRule.FreeSlot);

    /// <summary>Whether the specialist may take items of this queue at all (team, policy skill, proficiency, languages).</summary>
    public static EligibilityVerdict ForQueue(RoutingCandidate specialist, QueueRouting queue) =>
        Check(new Question(specialist, null, queue, null, null), EligibilityScope.Queue);

    /// <summary>Whether the specialist may take the queue's items in this language (empty: no language).</summary>
    public static EligibilityVerdict ForLanguage(RoutingCandidate specialist, QueueRouting queue, string itemLanguage) =>
        Check(new Question(specialist, null, queue, itemLanguage, null), EligibilityScope.ItemLanguage);

    /// <summary>Whether the specialist may take this particular item of the queue (language, then the item's own rules).</summary>
    public static EligibilityVerdict ForItem(RoutingCandidate specialist, QueueRouting queue, WorkItem item)
    {
        var question = new Question(specialist, null, queue, item.Submission.Language, item);
        var verdict = Check(question, EligibilityScope.ItemLanguage);
        return verdict.IsEligible ? Check(question, EligibilityScope.Item) : verdict;
    }

    /// <summary>Every rule that applies to an item, from the queue down: for a transfer, where the desk is not asked.</summary>
    public static EligibilityVerdict ForQueueAndItem(RoutingCandidate specialist, QueueRouting queue, WorkItem item)
    {
        var verdict = ForQueue(specialist, queue);
        return verdict.IsEligible ? ForItem(specialist, queue, item) : verdict;
    }

    /// <summary>The rules by name and scope, in the order they are asked: for documentation and tests.</summary>
    public static IReadOnlyList<(EligibilityRule Rule, EligibilityScope Scope)> Catalogue { get; } =
        [.. Rules.Select(r => (r.Rule, r.Scope))];

    private static EligibilityVerdict Check(Question question, EligibilityScope scope, EligibilityRule skip = EligibilityRule.None)
    {
        foreach (var rule in Rules)
        {
            if (rule.Scope == scope && rule.Rule != skip && rule.Refusal(question) is { } reason)
            {
                return new EligibilityVerdict(rule.Rule, reason);
            }
        }

        return EligibilityVerdict.Eligible;
    }

    private static bool Reads(Question q, string language) =>
        q.Specialist.Skills.ReadingOf(language) is var level && level != Proficiency.Unspecified && level >= q.Queue!.Requirements.MinimumProficiency;

    private static string Who(Question q) => $"specialists/{q.Specialist.SpecialistId}";

    private static string Describe(Proficiency level) => level.ToString().ToUpperInvariant();

    private static string Describe(FloorRole role) => role switch
    {
        FloorRole.QaAuditor => "QA_AUDITOR",
        FloorRole.OpsManager => "OPS_MANAGER",
        _ => role.ToString().ToUpperInvariant(),
    };

    private sealed record Question(
        RoutingCandidate Specialist,
        SpecialistAvailability? Availability,
        QueueRouting? Queue,
        string? ItemLanguage,
        WorkItem? Item);

    private sealed record NamedRule(EligibilityRule Rule, EligibilityScope Scope, Func<Question, string?> Refusal);
}
