using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Work;
using static SafetyPlatform.Domain.Tests.WorkFixtures;

namespace SafetyPlatform.Domain.Tests;

/// <summary>
/// "May this specialist be offered this item; if not, which rule says no": one test per rule,
/// each naming the specialist and the fact at fault, then the cases that must stay eligible.
/// </summary>
public class EligibilityTests
{
    private const StringComparison Ordinal = StringComparison.Ordinal;

    [Fact]
    public void A_deactivated_specialist_takes_no_work()
    {
        var verdict = Eligibility.ToTakeWork(Aoife, new SpecialistAvailability(true, ActivityState.Available, 0, 3));

        Assert.Equal(EligibilityRule.Deactivated, verdict.Rule);
        Assert.False(verdict.IsEligible);
        Assert.Contains("specialists/aoife is deactivated", verdict.Reason, Ordinal);
    }

    [Theory]
    [InlineData(ActivityState.Break, "BREAK")]
    [InlineData(ActivityState.WellnessBreak, "WELLNESS_BREAK")]
    [InlineData(ActivityState.Meeting, "MEETING")]
    [InlineData(ActivityState.OneToOne, "ONE_TO_ONE")]
    [InlineData(ActivityState.Training, "TRAINING")]
    [InlineData(ActivityState.Offline, "OFFLINE")]
    public void Only_available_or_handling_specialists_take_work(ActivityState state, string named)
    {
        var verdict = Eligibility.ToTakeWork(Aoife, Working(state));

        Assert.Equal(EligibilityRule.ActivityState, verdict.Rule);
        Assert.Contains($"specialists/aoife is {named};", verdict.Reason, Ordinal);
        Assert.Contains("only AVAILABLE or HANDLING", verdict.Reason, Ordinal);
    }

    [Fact]
    public void A_specialist_whose_slots_are_all_taken_takes_no_more_work()
    {
        // Three slots: two held items and one open offer.
        var verdict = Eligibility.ToTakeWork(Aoife, Working(ActivityState.Handling, slotsTaken: 3, maxConcurrentItems: 3));

        Assert.Equal(EligibilityRule.FreeSlot, verdict.Rule);
        Assert.Contains("all 3 of specialists/aoife's slots are taken", verdict.Reason, Ordinal);
    }

    [Fact]
    public void A_queue_takes_specialists_only_from_the_teams_that_serve_it()
    {
        var ines = SpecialistIn("ines", "lisbon", Proficiency.Expert, ("en", Proficiency.Expert));

        var verdict = Eligibility.ForQueue(ines, Routing());

        Assert.Equal(EligibilityRule.TeamServesQueue, verdict.Rule);
        Assert.Contains("queues/hate-en", verdict.Reason, Ordinal);
        Assert.Contains("specialists/ines", verdict.Reason, Ordinal);
        Assert.Contains("teams/lisbon", verdict.Reason, Ordinal);
    }

    [Fact]
    public void A_specialist_without_the_queues_policy_area_is_not_offered_its_items()
    {
        var oisin = new RoutingCandidate("oisin", "dublin", new SkillSet(
            new Dictionary<HarmCategory, Proficiency> { [HarmCategory.Misinformation] = Proficiency.Expert },
            new Dictionary<string, Proficiency>(StringComparer.OrdinalIgnoreCase) { ["en"] = Proficiency.Expert }));

        var verdict = Eligibility.ForQueue(oisin, Routing());

        Assert.Equal(EligibilityRule.PolicySkill, verdict.Rule);
        Assert.Contains("specialists/oisin has no skill in", verdict.Reason, Ordinal);
        Assert.Contains(HarmCategory.HateSpeech.ToString(), verdict.Reason, Ordinal);
    }

    [Fact]
    public void A_trainee_in_the_policy_area_is_not_offered_items_of_a_queue_asking_proficient()
    {
        var niamh = SpecialistIn("niamh", "dublin", Proficiency.Trainee, ("en", Proficiency.Expert));

        var verdict = Eligibility.ForQueue(niamh, Routing(Proficiency.Proficient));

        Assert.Equal(EligibilityRule.Proficiency, verdict.Rule);
        Assert.Contains($"specialists/niamh is TRAINEE in {HarmCategory.HateSpeech}", verdict.Reason, Ordinal);
        Assert.Contains("at least PROFICIENT", verdict.Reason, Ordinal);
        Assert.True(Eligibility.ForQueue(niamh, Routing(Proficiency.Trainee)).IsEligible);
    }

    [Fact]
    public void A_specialist_who_reads_none_of_the_queues_languages_is_not_offered_its_items()
    {
        var pierre = SpecialistIn("pierre", "dublin", Proficiency.Expert, ("fr", Proficiency.Expert));

        var verdict = Eligibility.ForQueue(pierre, Routing());

        Assert.Equal(EligibilityRule.Language, verdict.Rule);
        Assert.Contains("specialists/pierre reads none of the languages", verdict.Reason, Ordinal);
        Assert.Contains("(en, de)", verdict.Reason, Ordinal);
    }

    [Fact]
    public void A_specialist_is_not_offered_an_item_in_a_language_they_do_not_read()
    {
        // Cian reads English only; the item is German.
        var verdict = Eligibility.ForItem(Cian, Routing(), QueuedItem("w1", "de"));

        Assert.Equal(EligibilityRule.Language, verdict.Rule);
        Assert.Contains("specialists/cian does not read", verdict.Reason, Ordinal);
        Assert.Matches(@"\bde\b", verdict.Reason);

        // The backlog rules out every German item for him at once.
        Assert.Equal(EligibilityRule.Language, Eligibility.ForLanguage(Cian, Routing(), "de").Rule);
        Assert.True(Eligibility.ForLanguage(Cian, Routing(), "en").IsEligible);
    }

    [Fact]
    public void A_specialist_who_reads_the_items_language_below_the_queues_minimum_is_not_offered_it()
    {
        // Fionn reads English as an expert but German only as a trainee; the queue asks proficient.
        var fionn = SpecialistIn("fionn", "dublin", Proficiency.Proficient, ("en", Proficiency.Expert), ("de", Proficiency.Trainee));
        var queue = Routing(Proficiency.Proficient);

        var verdict = Eligibility.ForItem(fionn, queue, QueuedItem("w1", "de"));

        Assert.Equal(EligibilityRule.Proficiency, verdict.Rule);
        Assert.Contains("specialists/fionn reads de at TRAINEE", verdict.Reason, Ordinal);
        Assert.Contains("at least PROFICIENT", verdict.Reason, Ordinal);
        Assert.True(Eligibility.ForQueue(fionn, queue).IsEligible);
        Assert.True(Eligibility.ForItem(fionn, queue, QueuedItem("w2", "en")).IsEligible);
    }

    [Fact]
    public void A_specialist_who_rejected_an_item_is_not_offered_it_again_but_a_colleague_is()
    {
        var rejected = QueuedItem("w7", "en", "aoife");

        var verdict = Eligibility.ForItem(Aoife, Routing(), rejected);

        Assert.Equal(EligibilityRule.RejectedBefore, verdict.Rule);
        Assert.Contains("specialists/aoife rejected queues/hate-en/workItems/w7 before", verdict.Reason, Ordinal);
        Assert.True(Eligibility.ForItem(Brid, Routing(), rejected).IsEligible);
    }

    [Fact]
    public void A_pt_reader_takes_a_pt_BR_item()
    {
        var queue = new QueueRouting("hate-pt", new QueueRequirements(HarmCategory.HateSpeech, ["pt-BR"], Proficiency.Proficient), ["lisbon"]);
        var joao = SpecialistIn("joao", "lisbon", Proficiency.Proficient, ("pt", Proficiency.Proficient));

        Assert.Equal(Proficiency.Proficient, joao.Skills.ReadingOf("pt-BR"));
        Assert.True(Eligibility.ForQueueAndItem(joao, queue, QueuedItem("w1", "pt-BR")).IsEligible);
    }

    [Fact]
    public void A_pt_BR_reader_does_not_take_a_pt_PT_item()
    {
        var ana = SpecialistIn("ana", "lisbon", Proficiency.Proficient, ("pt-BR", Proficiency.Expert));
        var queue = new QueueRouting("hate-pt", new QueueRequirements(HarmCategory.HateSpeech, ["pt-BR", "pt-PT"], Proficiency.Proficient), ["lisbon"]);

        Assert.Equal(EligibilityRule.Language, Eligibility.ForItem(ana, queue, QueuedItem("w1", "pt-PT")).Rule);
        Assert.True(Eligibility.ForItem(ana, queue, QueuedItem("w2", "pt-BR")).IsEligible);
    }

    [Fact]
    public void An_item_with_no_language_fits_anyone_with_the_policy_skill()
    {
        // Greta reads German only; Cian English only.
        var noLanguage = QueuedItem("w1", string.Empty);

        Assert.True(Eligibility.ForQueueAndItem(Greta, Routing(), noLanguage).IsEligible);
        Assert.True(Eligibility.ForQueueAndItem(Cian, Routing(), noLanguage).IsEligible);
        Assert.True(Eligibility.ForLanguage(Greta, Routing(), string.Empty).IsEligible);
    }

    [Fact]
    public void A_specialist_handling_an_item_with_a_free_slot_may_take_more_work()
    {
        var verdict = Eligibility.ToTakeWork(Aoife, Working(ActivityState.Handling, slotsTaken: 1, maxConcurrentItems: 3));

        Assert.True(verdict.IsEligible);
        Assert.Equal(EligibilityRule.None, verdict.Rule);
        Assert.Equal(string.Empty, verdict.Reason);
    }

    [Fact]
    public void An_available_specialist_with_a_free_slot_may_take_work() =>
        Assert.True(Eligibility.ToTakeWork(Aoife, Working(ActivityState.Available, slotsTaken: 0, maxConcurrentItems: 1)).IsEligible);

    [Fact]
    public void Starting_an_offered_item_needs_no_free_slot_since_the_offer_holds_one()
    {
        // All three slots taken, one of them by the offer she is accepting.
        var full = Working(ActivityState.Available, slotsTaken: 3, maxConcurrentItems: 3);

        Assert.Equal(EligibilityRule.FreeSlot, Eligibility.ToTakeWork(Aoife, full).Rule);
        Assert.True(Eligibility.ToStartOffered(Aoife, full).IsEligible);
    }

    [Fact]
    public void Starting_an_offered_item_still_asks_the_other_rules_of_the_specialist()
    {
        Assert.Equal(EligibilityRule.ActivityState, Eligibility.ToStartOffered(Aoife, Working(ActivityState.Break, slotsTaken: 1)).Rule);
        Assert.Equal(EligibilityRule.Deactivated, Eligibility.ToStartOffered(Aoife, new SpecialistAvailability(true, ActivityState.Available, 1, 3)).Rule);
    }

    [Fact]
    public void A_deactivated_specialist_on_a_break_with_no_free_slot_is_refused_as_deactivated_first()
    {
        var verdict = Eligibility.ToTakeWork(Aoife, new SpecialistAvailability(true, ActivityState.Break, 3, 3));

        Assert.Equal(EligibilityRule.Deactivated, verdict.Rule);
        Assert.DoesNotContain("BREAK", verdict.Reason, Ordinal);
    }

    [Fact]
    public void The_team_is_asked_before_the_policy_area_and_the_queue_before_the_item()
    {
        // Lisbon, no hate-speech skill, reads no German: the team is the first answer.
        var rui = new RoutingCandidate("rui", "lisbon", new SkillSet(
            new Dictionary<HarmCategory, Proficiency> { [HarmCategory.SpamScams] = Proficiency.Expert },
            new Dictionary<string, Proficiency>(StringComparer.OrdinalIgnoreCase) { ["en"] = Proficiency.Expert }));

        Assert.Equal(EligibilityRule.TeamServesQueue, Eligibility.ForQueue(rui, Routing()).Rule);
        Assert.Equal(EligibilityRule.TeamServesQueue, Eligibility.ForQueueAndItem(rui, Routing(), QueuedItem("w1", "de")).Rule);
    }

    [Fact]
    public void The_items_language_is_asked_before_whether_the_specialist_rejected_it()
    {
        var rejectedInGerman = QueuedItem("w1", "de", "cian");

        Assert.Equal(EligibilityRule.Language, Eligibility.ForItem(Cian, Routing(), rejectedInGerman).Rule);
    }

    [Fact]
    public void The_catalogue_lists_every_rule()
    {
        var listed = Eligibility.Catalogue.Select(r => r.Rule).ToHashSet();

        foreach (var rule in Enum.GetValues<EligibilityRule>().Where(r => r != EligibilityRule.None))
        {
            Assert.Contains(rule, listed);
        }

        Assert.DoesNotContain(EligibilityRule.None, listed);
    }

    [Fact]
    public void The_catalogue_asks_about_the_specialist_alone_first()
    {
        var first = Eligibility.Catalogue.Take(3).ToList();

        Assert.Equal(
            new[]
            {
                (EligibilityRule.Deactivated, EligibilityScope.Specialist),
                (EligibilityRule.ActivityState, EligibilityScope.Specialist),
                (EligibilityRule.FreeSlot, EligibilityScope.Specialist),
            },
            first);
        Assert.Equal(EligibilityRule.Wellbeing, Eligibility.Catalogue[^1].Rule);
    }

    [Fact]
    public void An_audit_queue_takes_only_QA_auditors()
    {
        var audits = new QueueRouting("hate-en-audit", new QueueRequirements(HarmCategory.HateSpeech, ["en"], Proficiency.Trainee, FloorRole.QaAuditor), ["dublin"]);
        var rosa = Aoife with { SpecialistId = "rosa", Role = FloorRole.QaAuditor };

        var verdict = Eligibility.ForQueue(Aoife, audits);

        Assert.Equal(EligibilityRule.Role, verdict.Rule);
        Assert.Contains("queues/hate-en-audit takes only QA_AUDITORs; specialists/aoife is a SPECIALIST", verdict.Reason, Ordinal);
        Assert.True(Eligibility.ForQueue(rosa, audits).IsEligible);
        Assert.True(Eligibility.ForQueue(rosa, Routing()).IsEligible, "a queue that asks no role takes an auditor too");
    }

    [Fact]
    public void Nobody_is_offered_the_audit_of_their_own_work()
    {
        var audits = new QueueRouting("hate-en-audit", new QueueRequirements(HarmCategory.HateSpeech, ["en"], Proficiency.Trainee, FloorRole.QaAuditor), ["dublin"]);
        var ciara = Aoife with { SpecialistId = "ciara", Role = FloorRole.QaAuditor };
        var rosa = Aoife with { SpecialistId = "rosa", Role = FloorRole.QaAuditor };
        var audit = QueuedItem("a1", "en") with
        {
            Submission = Submission("r-a1") with { AuditedItem = "queues/hate-en/workItems/w1", AuditedSpecialist = "ciara" },
        };

        var verdict = Eligibility.ForQueueAndItem(ciara, audits, audit);

        Assert.Equal(EligibilityRule.OwnWorkAudited, verdict.Rule);
        Assert.Contains("queues/hate-en-audit/workItems/a1 audits queues/hate-en/workItems/w1, which specialists/ciara completed", verdict.Reason, Ordinal);
        Assert.True(Eligibility.ForQueueAndItem(rosa, audits, audit).IsEligible);
    }

    private static SpecialistAvailability Working(ActivityState state, int slotsTaken = 0, int maxConcurrentItems = 3) =>
        new(false, state, slotsTaken, maxConcurrentItems);
}
