using System.Text.Json;
using SafetyPlatform.Domain.Work;
using static SafetyPlatform.Domain.Tests.WorkFixtures;

namespace SafetyPlatform.Domain.Tests;

/// <summary>The life of a work item as the table a team lead signs off, and its history as stored.</summary>
public class WorkItemLifecycleTests
{
    private const StringComparison Ordinal = StringComparison.Ordinal;

    [Theory]
    [InlineData(WorkItemStatus.Unspecified, WorkItemAction.Enqueued, WorkItemActor.SubmittingClient, WorkItemStatus.Queued)]
    [InlineData(WorkItemStatus.Escalated, WorkItemAction.EscalatedIn, WorkItemActor.EscalatingQueue, WorkItemStatus.Queued)]
    [InlineData(WorkItemStatus.Queued, WorkItemAction.Offered, WorkItemActor.Routing, WorkItemStatus.Reserved)]
    [InlineData(WorkItemStatus.Reserved, WorkItemAction.Accepted, WorkItemActor.Holder, WorkItemStatus.Handling)]
    [InlineData(WorkItemStatus.Reserved, WorkItemAction.Rejected, WorkItemActor.Holder, WorkItemStatus.Queued)]
    [InlineData(WorkItemStatus.Reserved, WorkItemAction.Expired, WorkItemActor.Routing, WorkItemStatus.Queued)]
    [InlineData(WorkItemStatus.Reserved, WorkItemAction.Withdrawn, WorkItemActor.Routing, WorkItemStatus.Queued)]
    [InlineData(WorkItemStatus.Handling, WorkItemAction.Released, WorkItemActor.Holder, WorkItemStatus.Queued)]
    [InlineData(WorkItemStatus.Handling, WorkItemAction.Completed, WorkItemActor.Holder, WorkItemStatus.Completed)]
    [InlineData(WorkItemStatus.Handling, WorkItemAction.Escalated, WorkItemActor.Holder, WorkItemStatus.Escalated)]
    [InlineData(WorkItemStatus.Handling, WorkItemAction.Transferred, WorkItemActor.Holder, WorkItemStatus.Reserved)]
    public void The_table_allows(WorkItemStatus from, WorkItemAction action, WorkItemActor actor, WorkItemStatus to)
    {
        var transition = WorkItemLifecycle.Check(from, action, actor);

        Assert.Equal(to, transition.To);
        Assert.Contains(new WorkItemTransition(action, from, to, actor), WorkItemLifecycle.Table);
    }

    [Fact]
    public void Every_action_but_unspecified_has_exactly_one_row()
    {
        var actions = Enum.GetValues<WorkItemAction>().Where(a => a != WorkItemAction.Unspecified).Order();

        Assert.Equal(actions, WorkItemLifecycle.Table.Select(t => t.Action).Order());
    }

    [Theory]
    [InlineData(WorkItemStatus.Queued, WorkItemAction.Accepted, WorkItemActor.Holder, "QUEUED", "accepted", "RESERVED")]
    [InlineData(WorkItemStatus.Reserved, WorkItemAction.Completed, WorkItemActor.Holder, "RESERVED", "completed", "HANDLING")]
    [InlineData(WorkItemStatus.Queued, WorkItemAction.Enqueued, WorkItemActor.SubmittingClient, "QUEUED", "enqueued", "not yet enqueued")]
    [InlineData(WorkItemStatus.Handling, WorkItemAction.Offered, WorkItemActor.Routing, "HANDLING", "offered", "QUEUED")]
    [InlineData(WorkItemStatus.Completed, WorkItemAction.Released, WorkItemActor.Holder, "COMPLETED", "released", "HANDLING")]
    [InlineData(WorkItemStatus.Escalated, WorkItemAction.Completed, WorkItemActor.Holder, "ESCALATED", "completed", "HANDLING")]
    [InlineData(WorkItemStatus.Queued, WorkItemAction.EscalatedIn, WorkItemActor.EscalatingQueue, "QUEUED", "escalated in", "ESCALATED")]
    [InlineData(WorkItemStatus.Reserved, WorkItemAction.Transferred, WorkItemActor.Holder, "RESERVED", "transferred", "HANDLING")]
    [InlineData(WorkItemStatus.Queued, WorkItemAction.Expired, WorkItemActor.Routing, "QUEUED", "expired", "RESERVED")]
    public void An_action_from_the_wrong_status_is_refused_naming_both_statuses(
        WorkItemStatus from, WorkItemAction action, WorkItemActor actor, string isNow, string verb, string onlyFrom)
    {
        var refused = Assert.Throws<WorkRefusedException>(() => WorkItemLifecycle.Check(from, action, actor));

        Assert.Equal(RefusalKind.FailedPrecondition, refused.Kind);
        Assert.Contains($"an item that is {isNow} cannot be {verb}", refused.Message, Ordinal);
        Assert.Contains($"only an item that is {onlyFrom} can", refused.Message, Ordinal);
    }

    [Theory]
    [InlineData(WorkItemStatus.Handling, WorkItemAction.Completed, WorkItemActor.Routing, "an item is completed by the holder", "not by routing")]
    [InlineData(WorkItemStatus.Reserved, WorkItemAction.Expired, WorkItemActor.Holder, "an item is expired by routing", "not by the holder")]
    [InlineData(WorkItemStatus.Reserved, WorkItemAction.Accepted, WorkItemActor.Routing, "an item is accepted by the holder", "not by routing")]
    [InlineData(WorkItemStatus.Queued, WorkItemAction.Offered, WorkItemActor.SubmittingClient, "an item is offered by routing", "not by the submitting client")]
    [InlineData(WorkItemStatus.Escalated, WorkItemAction.EscalatedIn, WorkItemActor.Holder, "an item is escalated in by the escalating queue", "not by the holder")]
    [InlineData(WorkItemStatus.Unspecified, WorkItemAction.Enqueued, WorkItemActor.Unspecified, "an item is enqueued by the submitting client", "not by an unnamed actor")]
    public void An_action_by_the_wrong_actor_is_refused_naming_who_may(
        WorkItemStatus from, WorkItemAction action, WorkItemActor actor, string refusal, string onlyBy)
    {
        var refused = Assert.Throws<WorkRefusedException>(() => WorkItemLifecycle.Check(from, action, actor));

        Assert.Equal(RefusalKind.FailedPrecondition, refused.Kind);
        Assert.Contains(refusal, refused.Message, Ordinal);
        Assert.Contains(onlyBy, refused.Message, Ordinal);
    }

    [Fact]
    public void The_status_is_checked_before_the_actor()
    {
        // Routing completing a QUEUED item: wrong on both counts; the status is the answer.
        var refused = Assert.Throws<WorkRefusedException>(() => WorkItemLifecycle.Check(WorkItemStatus.Queued, WorkItemAction.Completed, WorkItemActor.Routing));

        Assert.Contains("an item that is QUEUED cannot be completed", refused.Message, Ordinal);
    }

    [Fact]
    public void Unspecified_is_not_an_action()
    {
        var refused = Assert.Throws<WorkRefusedException>(() => WorkItemLifecycle.Check(WorkItemStatus.Queued, WorkItemAction.Unspecified, WorkItemActor.Routing));

        Assert.Equal(RefusalKind.InvalidArgument, refused.Kind);
        Assert.Contains("is not an action on a work item", refused.Message, Ordinal);
    }

    [Theory]
    [InlineData(WorkItemStatus.Unspecified, "not yet enqueued")]
    [InlineData(WorkItemStatus.Queued, "QUEUED")]
    [InlineData(WorkItemStatus.Reserved, "RESERVED")]
    [InlineData(WorkItemStatus.Handling, "HANDLING")]
    [InlineData(WorkItemStatus.Completed, "COMPLETED")]
    [InlineData(WorkItemStatus.Escalated, "ESCALATED")]
    public void Statuses_are_described_as_the_API_spells_them(WorkItemStatus status, string described) =>
        Assert.Equal(described, WorkItemLifecycle.Describe(status));

    [Fact]
    public void Reserved_and_handling_items_are_held_completed_and_escalated_ones_finished()
    {
        Assert.Equal(
            new[] { WorkItemStatus.Reserved, WorkItemStatus.Handling },
            Enum.GetValues<WorkItemStatus>().Where(WorkItemLifecycle.IsHeld));
        Assert.Equal(
            new[] { WorkItemStatus.Completed, WorkItemStatus.Escalated },
            Enum.GetValues<WorkItemStatus>().Where(WorkItemLifecycle.IsFinished));
    }

    [Fact]
    public void After_appends_a_numbered_event_with_the_action_and_leaves_the_item_it_started_from_as_it_was()
    {
        var queued = new Backlog(Rules()).Enqueue("w1", At(9, 0), Priority.P1);

        var offered = queued.After(WorkItemAction.Offered, WorkItemActor.Routing, At(9, 1), "specialists/aoife", string.Empty);

        Assert.Equal(WorkItemStatus.Reserved, offered.Status);
        Assert.Equal(2, offered.LastEvent);
        Assert.Equal(
            new WorkItemEvent(2, WorkItemStatus.Queued, WorkItemStatus.Reserved, At(9, 1), "specialists/aoife", WorkItemAction.Offered, string.Empty),
            offered.History[^1]);
        Assert.Equal(new[] { WorkItemAction.Enqueued, WorkItemAction.Offered }, offered.History.Select(e => e.Action));
        Assert.Equal(WorkItemStatus.Queued, queued.Status);
        Assert.Single(queued.History);
    }

    [Fact]
    public void The_first_event_is_the_enqueue_by_the_client_numbered_one()
    {
        var queued = new Backlog(Rules()).Enqueue("w1", At(9, 0), Priority.P1);

        var first = Assert.Single(queued.History);
        Assert.Equal(
            new WorkItemEvent(1, WorkItemStatus.Unspecified, WorkItemStatus.Queued, At(9, 0), "clients/hive-classifier", WorkItemAction.Enqueued, string.Empty),
            first);
    }

    [Fact]
    public void After_refuses_what_the_table_refuses()
    {
        var queued = new Backlog(Rules()).Enqueue("w1", At(9, 0));

        var refused = Assert.Throws<WorkRefusedException>(() => queued.After(WorkItemAction.Accepted, WorkItemActor.Holder, At(9, 1), "specialists/aoife", string.Empty));

        Assert.Equal(RefusalKind.FailedPrecondition, refused.Kind);
        Assert.Equal(WorkItemStatus.Queued, queued.Status);
    }

    [Fact]
    public void Last_finds_the_latest_event_of_an_action()
    {
        // Offered at 09:01 (2), withdrawn (3), offered again at 09:02 (4).
        var item = new Backlog(Rules()).Enqueue("w1", At(9, 0))
            .After(WorkItemAction.Offered, WorkItemActor.Routing, At(9, 1), "specialists/aoife", string.Empty)
            .After(WorkItemAction.Withdrawn, WorkItemActor.Routing, At(9, 1), "system", "the specialist already had an offer")
            .After(WorkItemAction.Offered, WorkItemActor.Routing, At(9, 2), "specialists/brid", string.Empty);

        var lastOffer = item.Last(WorkItemAction.Offered);
        Assert.NotNull(lastOffer);
        Assert.Equal(4, lastOffer.Sequence);
        Assert.Equal("specialists/brid", lastOffer.Actor);
        Assert.Null(item.Last(WorkItemAction.Accepted));
    }

    [Fact]
    public void A_long_history_keeps_the_enqueue_and_the_latest_events()
    {
        // 1 enqueue, then 150 offers each withdrawn: 301 events, at most 200 kept.
        var item = new Backlog(Rules()).Enqueue("w1", At(9, 0));
        for (var i = 0; i < 150; i++)
        {
            item = item
                .After(WorkItemAction.Offered, WorkItemActor.Routing, At(9, 1), "specialists/aoife", string.Empty)
                .After(WorkItemAction.Withdrawn, WorkItemActor.Routing, At(9, 1), "system", string.Empty);
        }

        Assert.Equal(WorkItem.MaxHistory, item.History.Length);
        Assert.Equal(301, item.LastEvent);
        Assert.Equal(WorkItemAction.Enqueued, item.History[0].Action);
        Assert.Equal(1, item.History[0].Sequence);
        Assert.Equal(103, item.History[1].Sequence);
    }

    [Theory]
    [InlineData(WorkItemAction.Unspecified, "unspecified")]
    [InlineData(WorkItemAction.Enqueued, "enqueued")]
    [InlineData(WorkItemAction.Offered, "offered")]
    [InlineData(WorkItemAction.Accepted, "accepted")]
    [InlineData(WorkItemAction.Rejected, "rejected")]
    [InlineData(WorkItemAction.Expired, "expired")]
    [InlineData(WorkItemAction.Withdrawn, "withdrawn")]
    [InlineData(WorkItemAction.Released, "released")]
    [InlineData(WorkItemAction.Completed, "completed")]
    [InlineData(WorkItemAction.Escalated, "escalated")]
    [InlineData(WorkItemAction.EscalatedIn, "escalated_in")]
    [InlineData(WorkItemAction.Transferred, "transferred")]
    public void Each_action_is_stored_by_its_name(WorkItemAction action, string stored)
    {
        Assert.Equal(stored, WorkItemActionNames.Name(action));
        Assert.Equal($"\"{stored}\"", JsonSerializer.Serialize(action));
        Assert.Equal(action, JsonSerializer.Deserialize<WorkItemAction>($"\"{stored}\""));
    }

    [Fact]
    public void Every_action_has_a_stored_name_of_its_own()
    {
        var actions = Enum.GetValues<WorkItemAction>();

        Assert.Equal(actions.Length, actions.Select(a => a.Name()).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Escalated_in_is_stored_as_escalated_in()
    {
        Assert.Equal("escalated_in", WorkItemActionNames.Name(WorkItemAction.EscalatedIn));
        Assert.Equal("escalated_in", WorkItemAction.EscalatedIn.Name());
        Assert.Equal("\"offered\"", JsonSerializer.Serialize(WorkItemAction.Offered));
        Assert.Equal(WorkItemAction.EscalatedIn, JsonSerializer.Deserialize<WorkItemAction>("\"escalated_in\""));
    }

    [Fact]
    public void A_history_event_stores_its_action_by_name_and_reads_back_the_same()
    {
        var arrived = new WorkItemEvent(5, WorkItemStatus.Escalated, WorkItemStatus.Queued, At(9, 30), "queues/hate-en", WorkItemAction.EscalatedIn, "needs a lead");

        var json = JsonSerializer.Serialize(arrived);

        Assert.Contains("\"Action\":\"escalated_in\"", json, Ordinal);
        Assert.Equal(arrived, JsonSerializer.Deserialize<WorkItemEvent>(json));
    }
}
