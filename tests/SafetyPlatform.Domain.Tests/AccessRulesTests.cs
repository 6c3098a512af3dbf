using SafetyPlatform.Domain.Security;

namespace SafetyPlatform.Domain.Tests;

/// <summary>
/// The object rules, with the floor of the examples written out: team "dublin" (specialists
/// aoife and ana, queue hate-en served by dublin and lisbon), team "berlin" (specialist ben,
/// queue hate-de served by berlin only).
/// </summary>
public sealed class AccessRulesTests
{
    private static readonly ObjectFacts DublinTeam = Facts(ObjectKind.Team, "dublin", ["dublin"]);
    private static readonly ObjectFacts BerlinTeam = Facts(ObjectKind.Team, "berlin", ["berlin"]);
    private static readonly ObjectFacts Aoife = Facts(ObjectKind.Specialist, "aoife", ["dublin"]);
    private static readonly ObjectFacts Ana = Facts(ObjectKind.Specialist, "ana", ["dublin"]);
    private static readonly ObjectFacts Ben = Facts(ObjectKind.Specialist, "ben", ["berlin"]);
    private static readonly ObjectFacts HateEn = Facts(ObjectKind.Queue, "hate-en", ["dublin", "lisbon"]);
    private static readonly ObjectFacts HateDe = Facts(ObjectKind.Queue, "hate-de", ["berlin"]);
    private static readonly ObjectFacts Organisation = ObjectFacts.Plain(AccessObject.Organisation);

    private static readonly Caller SpecialistAoife = Person("specialists/aoife", CallerRole.Specialist, "dublin");
    private static readonly Caller LeadOfDublin = Person("people/lena", CallerRole.TeamLead, "dublin");
    private static readonly Caller ManagerOfEverything = Person("people/omar", CallerRole.OperationsManager, Caller.Everything);
    private static readonly Caller ModerationTool = new("clients/moderation-tool", new HashSet<CallerRole> { CallerRole.Service }, new HashSet<string>(), new HashSet<string>(), new HashSet<string> { "hate-en" });
    private static readonly Caller Admin = Person("people/root", CallerRole.PlatformAdmin);

    [Fact]
    public void A_specialist_reaches_their_own_record_and_nothing_of_a_colleague_or_the_team()
    {
        Assert.True(AccessRules.Reach(SpecialistAoife, Aoife).IsAllowed);
        Assert.Equal(AccessOutcome.Denied, AccessRules.Reach(SpecialistAoife, Ana).Outcome);
        Assert.Equal(AccessOutcome.Denied, AccessRules.Reach(SpecialistAoife, DublinTeam).Outcome);
        Assert.Equal(AccessOutcome.Denied, AccessRules.Reach(SpecialistAoife, Organisation).Outcome);
    }

    [Fact]
    public void A_specialist_reaches_a_queue_their_team_serves_and_only_the_items_they_were_offered_or_handled()
    {
        var offeredToAoife = new ObjectFacts(new AccessObject(ObjectKind.WorkItem, "hate-en", "r-1"), [], ["aoife"]);
        var handledByAna = new ObjectFacts(new AccessObject(ObjectKind.WorkItem, "hate-en", "r-2"), [], ["ana"]);

        Assert.True(AccessRules.Reach(SpecialistAoife, HateEn).IsAllowed);
        Assert.False(AccessRules.Reach(SpecialistAoife, HateDe).IsAllowed);
        Assert.True(AccessRules.Reach(SpecialistAoife, offeredToAoife).IsAllowed);
        Assert.False(AccessRules.Reach(SpecialistAoife, handledByAna).IsAllowed);
    }

    [Fact]
    public void A_lead_reaches_their_team_its_members_and_the_queues_it_serves_but_not_another_team()
    {
        Assert.True(AccessRules.Reach(LeadOfDublin, DublinTeam).IsAllowed);
        Assert.True(AccessRules.Reach(LeadOfDublin, Ana).IsAllowed);
        Assert.True(AccessRules.Reach(LeadOfDublin, HateEn).IsAllowed);
        Assert.Equal(AccessOutcome.Denied, AccessRules.Reach(LeadOfDublin, BerlinTeam).Outcome);
        Assert.Equal(AccessOutcome.Denied, AccessRules.Reach(LeadOfDublin, Ben).Outcome);
        Assert.Equal(AccessOutcome.Denied, AccessRules.Reach(LeadOfDublin, HateDe).Outcome);
        Assert.Equal(AccessOutcome.Denied, AccessRules.Reach(LeadOfDublin, Organisation).Outcome);
    }

    [Fact]
    public void An_operations_manager_granted_every_team_reaches_the_whole_organisation()
    {
        Assert.True(AccessRules.Reach(ManagerOfEverything, BerlinTeam).IsAllowed);
        Assert.True(AccessRules.Reach(ManagerOfEverything, Ben).IsAllowed);
        Assert.True(AccessRules.Reach(ManagerOfEverything, Organisation).IsAllowed);
    }

    [Fact]
    public void A_specialist_reads_a_queue_their_team_serves_but_not_the_list_of_its_items_which_a_lead_and_a_granted_tool_may()
    {
        var itemsOfHateEn = Facts(ObjectKind.QueueItems, "hate-en", ["dublin", "lisbon"]);

        Assert.False(AccessRules.Reach(SpecialistAoife, itemsOfHateEn).IsAllowed);
        Assert.True(AccessRules.Reach(LeadOfDublin, itemsOfHateEn).IsAllowed);
        Assert.True(AccessRules.Reach(ModerationTool, itemsOfHateEn).IsAllowed);
    }

    [Fact]
    public void No_one_decides_about_their_own_record_where_the_method_says_so()
    {
        var leadAoife = Person("specialists/aoife", CallerRole.TeamLead, "dublin");

        Assert.True(AccessRules.Reach(leadAoife, Aoife).IsAllowed);
        Assert.Equal(AccessOutcome.Denied, AccessRules.Reach(leadAoife, Aoife, ownRecordAllowed: false).Outcome);
        Assert.True(AccessRules.Reach(leadAoife, Ana, ownRecordAllowed: false).IsAllowed);
    }

    [Fact]
    public void A_tool_reaches_the_queues_it_was_granted_its_own_outbox_and_no_team()
    {
        Assert.True(AccessRules.Reach(ModerationTool, HateEn).IsAllowed);
        Assert.False(AccessRules.Reach(ModerationTool, HateDe).IsAllowed);
        Assert.True(AccessRules.Reach(ModerationTool, ObjectFacts.Plain(new AccessObject(ObjectKind.Client, "moderation-tool"))).IsAllowed);
        Assert.False(AccessRules.Reach(ModerationTool, ObjectFacts.Plain(new AccessObject(ObjectKind.Client, "qa-tool"))).IsAllowed);
        Assert.False(AccessRules.Reach(ModerationTool, DublinTeam).IsAllowed);
        Assert.False(AccessRules.Reach(ModerationTool, Organisation).IsAllowed);
    }

    [Fact]
    public void A_tool_granted_every_team_reaches_the_whole_organisation()
    {
        var planningTool = new Caller("clients/workforce-planning", new HashSet<CallerRole> { CallerRole.Service }, new HashSet<string>(), new HashSet<string> { Caller.Everything }, new HashSet<string>());

        Assert.True(AccessRules.Reach(planningTool, Organisation).IsAllowed);
        Assert.True(AccessRules.Reach(planningTool, BerlinTeam).IsAllowed);
    }

    [Fact]
    public void Something_that_does_not_exist_is_not_found_except_to_an_admin_who_reaches_everything()
    {
        var nobody = new ObjectFacts(new AccessObject(ObjectKind.Specialist, "nobody"), null, []);

        Assert.Equal(AccessOutcome.NotFound, AccessRules.Reach(LeadOfDublin, nobody).Outcome);
        Assert.True(AccessRules.Reach(Admin, nobody).IsAllowed);
        Assert.True(AccessRules.Reach(Admin, Ben).IsAllowed);
    }

    [Fact]
    public void An_actor_left_empty_is_the_caller_and_naming_someone_else_needs_a_role_that_acts_for_them()
    {
        Assert.Equal("specialists/aoife", AccessRules.Actor(SpecialistAoife, ActorKind.Specialist, string.Empty).Value);
        Assert.Equal("moderation-tool", AccessRules.Actor(ModerationTool, ActorKind.Client, string.Empty).Value);
        Assert.Equal("people/lena", AccessRules.Actor(LeadOfDublin, ActorKind.Person, string.Empty).Value);

        Assert.True(AccessRules.Actor(SpecialistAoife, ActorKind.Specialist, "specialists/aoife").Verdict.IsAllowed);
        Assert.False(AccessRules.Actor(SpecialistAoife, ActorKind.Specialist, "specialists/ana").Verdict.IsAllowed);
        Assert.False(AccessRules.Actor(ModerationTool, ActorKind.Client, "qa-tool").Verdict.IsAllowed);
        Assert.False(AccessRules.Actor(LeadOfDublin, ActorKind.Person, "people/omar").Verdict.IsAllowed);

        // A lead may act for a specialist; whether that specialist is in their team is the object rule's question.
        var forAna = AccessRules.Actor(LeadOfDublin, ActorKind.Specialist, "specialists/ana");
        Assert.True(forAna.Verdict.IsAllowed);
        Assert.True(forAna.NamesAnotherSpecialist);
        Assert.True(AccessRules.Actor(Admin, ActorKind.Client, "moderation-tool").Verdict.IsAllowed);
    }

    [Fact]
    public void A_field_names_its_object_by_the_collection_it_begins_with()
    {
        Assert.Equal(new AccessObject(ObjectKind.Team, "dublin"), AccessObject.Of("teams/dublin/alerts/a-7", ObjectKind.Team));
        Assert.Equal(new AccessObject(ObjectKind.Specialist, "aoife"), AccessObject.Of("specialists/aoife/exposure", ObjectKind.Specialist));
        Assert.Equal(new AccessObject(ObjectKind.Queue, "hate-en"), AccessObject.Of("queues/hate-en/stats", ObjectKind.Queue));
        Assert.Equal(new AccessObject(ObjectKind.QueueItems, "hate-en"), AccessObject.Of("queues/hate-en", ObjectKind.QueueItems));
        Assert.Equal(new AccessObject(ObjectKind.WorkItem, "hate-en", "r-1"), AccessObject.Of("queues/hate-en/workItems/r-1/audits/2", ObjectKind.WorkItem));
        Assert.Equal(new AccessObject(ObjectKind.Client, "moderation-tool"), AccessObject.Of("moderation-tool", ObjectKind.Client));
        Assert.Equal(AccessObject.Organisation, AccessObject.Of("calibrationSessions/march", ObjectKind.Organisation));
        Assert.Null(AccessObject.Of("widgets/7", ObjectKind.Team));
        Assert.Null(AccessObject.Of(string.Empty, ObjectKind.Team));
    }

    private static ObjectFacts Facts(ObjectKind kind, string id, string[] teams) => new(new AccessObject(kind, id), teams, []);

    private static Caller Person(string subject, CallerRole role, params string[] teams) =>
        new(subject, new HashSet<CallerRole> { role }, new HashSet<string>(), teams.ToHashSet(), new HashSet<string>());
}
