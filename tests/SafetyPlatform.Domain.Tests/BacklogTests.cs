using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Work;
using static SafetyPlatform.Domain.Tests.WorkFixtures;

namespace SafetyPlatform.Domain.Tests;

/// <summary>
/// One queue's backlog on one morning: items arrive, are offered, taken, turned down, given
/// back, let lapse, handed on and sent up, and the floor asks what is where and why.
/// </summary>
public class BacklogTests
{
    private const StringComparison Ordinal = StringComparison.Ordinal;

    private readonly Backlog _backlog = new(Rules());

    [Fact]
    public void A_submission_becomes_a_queued_item_due_when_the_SLA_says()
    {
        var (item, isNew) = _backlog.Admit(Submission("r1", Priority.P1), "w1", 3, At(9, 0));

        Assert.True(isNew);
        Assert.Equal("w1", item.ItemId);
        Assert.Equal(3, item.Partition);
        Assert.Equal(WorkItemStatus.Queued, item.Status);
        Assert.Equal(string.Empty, item.Holder);
        Assert.Equal(At(9, 0), item.Arrival);
        Assert.Equal(At(10, 0), item.Deadline);
        Assert.Equal(WorkItemAction.Enqueued, Assert.Single(item.History).Action);
        Assert.Equal(1, _backlog.Waiting);
        Assert.Equal(0, _backlog.Held);
        Assert.Same(item, _backlog.Find("w1"));
        Assert.Same(item, _backlog.FindByRequest(item.Submission.RequestKey));
    }

    [Fact]
    public void The_same_client_and_request_id_returns_the_same_item()
    {
        var first = _backlog.Admit(Submission("r1", Priority.P1), "w1", 0, At(9, 0)).Item;

        var (again, isNew) = _backlog.Admit(Submission("r1", Priority.P0), "w2", 0, At(9, 5));

        Assert.False(isNew);
        Assert.Same(first, again);
        Assert.Equal(1, _backlog.Waiting);
        Assert.Null(_backlog.Find("w2"));
    }

    [Fact]
    public void A_repeated_submission_returns_the_item_as_it_is_now()
    {
        _backlog.Admit(Submission("r1"), "w1", 0, At(9, 0));
        _backlog.OfferBest(Aoife, At(9, 1));

        var (again, isNew) = _backlog.Admit(Submission("r1"), "w2", 0, At(9, 2));

        Assert.False(isNew);
        Assert.Equal("w1", again.ItemId);
        Assert.Equal(WorkItemStatus.Reserved, again.Status);
        Assert.Equal(0, _backlog.Waiting);
    }

    [Fact]
    public void The_same_request_id_from_another_client_is_another_item()
    {
        _backlog.Admit(Submission("r1", client: "hive-classifier"), "w1", 0, At(9, 0));

        var (other, isNew) = _backlog.Admit(Submission("r1", client: "user-reports"), "w2", 0, At(9, 1));

        Assert.True(isNew);
        Assert.Equal("w2", other.ItemId);
        Assert.Equal(2, _backlog.Waiting);
    }

    [Fact]
    public void A_language_the_queue_does_not_take_is_refused_naming_the_field()
    {
        var refused = Assert.Throws<WorkRefusedException>(() => _backlog.Admit(Submission("r1", language: "fr"), "w1", 0, At(9, 0)));

        Assert.Equal(RefusalKind.InvalidArgument, refused.Kind);
        Assert.Equal("work_item.language_code", refused.Field);
        Assert.Contains("queues/hate-en takes content in en, de, not 'fr'", refused.Message, Ordinal);
        Assert.Equal(0, _backlog.Waiting);
        Assert.Empty(_backlog.OpenItems);
        Assert.Null(_backlog.FindByRequest(Submission("r1").RequestKey));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("DE")]
    [InlineData("")]
    public void The_queues_languages_in_any_case_and_no_language_at_all_are_taken(string language)
    {
        var (item, isNew) = _backlog.Admit(Submission("r1", language: language), "w1", 0, At(9, 0));

        Assert.True(isNew);
        Assert.Equal(language, item.Submission.Language);
        Assert.Equal(1, _backlog.Waiting);
    }

    [Fact]
    public void A_full_backlog_refuses_another_item()
    {
        var backlog = new Backlog(Rules(maxBacklog: 2));
        backlog.Enqueue("w1", At(9, 0));
        backlog.Enqueue("w2", At(9, 1));

        var refused = Assert.Throws<WorkRefusedException>(() => backlog.Enqueue("w3", At(9, 2)));

        Assert.Equal(RefusalKind.ResourceExhausted, refused.Kind);
        Assert.Contains("queues/hate-en is full", refused.Message, Ordinal);
        Assert.Contains("the maximum is 2", refused.Message, Ordinal);
        Assert.Null(backlog.Find("w3"));
        Assert.Equal(2, backlog.Waiting);
    }

    [Fact]
    public void A_full_backlog_still_answers_a_repeated_submission()
    {
        var backlog = new Backlog(Rules(maxBacklog: 1));
        var first = backlog.Enqueue("w1", At(9, 0));

        var (again, isNew) = backlog.Admit(Submission("r-w1"), "w2", 0, At(9, 1));

        Assert.False(isNew);
        Assert.Same(first, again);
    }

    [Fact]
    public void Only_waiting_items_count_against_the_cap()
    {
        var backlog = new Backlog(Rules(maxBacklog: 1));
        backlog.Enqueue("w1", At(9, 0));
        backlog.OfferBest(Aoife, At(9, 1));

        var second = backlog.Enqueue("w2", At(9, 2));

        Assert.Equal(WorkItemStatus.Queued, second.Status);
        Assert.Equal(1, backlog.Waiting);
        Assert.Equal(1, backlog.Held);
    }

    [Fact]
    public void A_repeat_of_a_finished_items_request_is_answered_from_the_finished_items()
    {
        var finished = new KeptFinishedItems();
        var backlog = new Backlog(Rules(), finished);
        backlog.Enqueue("w1", At(9, 0));
        backlog.OfferBest(Aoife, At(9, 1));
        backlog.Accept("w1", "aoife", At(9, 1, 10));
        var completed = backlog.Complete("w1", "aoife", Removal, 1, At(9, 4));
        finished.Keep(completed);

        var (again, isNew) = backlog.Admit(Submission("r-w1"), "w2", 0, At(9, 5));

        Assert.False(isNew);
        Assert.Same(completed, again);
        Assert.True(finished.WasAskedFor(Submission("r-w1").RequestKey));
        Assert.Equal(0, backlog.Waiting);
        Assert.Null(backlog.Find("w2"));
    }

    [Fact]
    public void Acting_on_a_finished_item_says_it_is_finished_and_on_an_unknown_one_that_it_was_not_found()
    {
        var finished = new KeptFinishedItems();
        var backlog = new Backlog(Rules(), finished);
        backlog.Enqueue("w1", At(9, 0));
        backlog.OfferBest(Aoife, At(9, 1));
        backlog.Accept("w1", "aoife", At(9, 1, 10));
        finished.Keep(backlog.Complete("w1", "aoife", Removal, 1, At(9, 4)));

        var late = Assert.Throws<WorkRefusedException>(() => backlog.Accept("w1", "aoife", At(9, 5)));
        var unknown = Assert.Throws<WorkRefusedException>(() => backlog.Accept("w9", "aoife", At(9, 5)));

        Assert.Equal(RefusalKind.FailedPrecondition, late.Kind);
        Assert.Contains("specialists/aoife cannot accept queues/hate-en/workItems/w1: it is COMPLETED", late.Message, Ordinal);
        Assert.Equal(RefusalKind.NotFound, unknown.Kind);
        Assert.Contains("queues/hate-en/workItems/w9 was not found", unknown.Message, Ordinal);
    }

    [Fact]
    public void Offered_accepted_and_completed_an_item_leaves_the_backlog()
    {
        _backlog.Enqueue("w1", At(9, 0), Priority.P1);

        var offered = _backlog.OfferBest(Aoife, At(9, 1));
        Assert.NotNull(offered);
        Assert.Equal(WorkItemStatus.Reserved, offered.Status);
        Assert.Equal("aoife", offered.Holder);
        Assert.Equal(At(9, 1, 30), offered.ReservationExpiry);
        Assert.Equal(0, _backlog.Waiting);
        Assert.Equal(1, _backlog.Held);
        Assert.Equal("w1", Assert.Single(_backlog.HeldBy("aoife")).ItemId);

        var handling = _backlog.Accept("w1", "aoife", At(9, 1, 10));
        Assert.Equal(WorkItemStatus.Handling, handling.Status);
        Assert.Equal(At(9, 1, 10), handling.AcceptTime);
        Assert.Null(handling.ReservationExpiry);
        Assert.Equal(1, _backlog.Held);

        var completed = _backlog.Complete("w1", "aoife", Removal, 42, At(9, 5, 10));
        Assert.Equal(WorkItemStatus.Completed, completed.Status);
        Assert.Equal(string.Empty, completed.Holder);
        Assert.Equal(42L, completed.CompletionSequence);
        Assert.NotNull(completed.Outcome);
        Assert.Equal("remove", completed.Outcome.Decision);
        Assert.Equal(TimeSpan.FromMinutes(4), completed.Outcome.HandleTime);
        Assert.Equal(At(9, 5, 10), completed.Outcome.CompleteTime);
        Assert.Equal("aoife", completed.Outcome.SpecialistId);
        Assert.Equal(
            new[] { WorkItemAction.Enqueued, WorkItemAction.Offered, WorkItemAction.Accepted, WorkItemAction.Completed },
            completed.History.Select(e => e.Action));

        Assert.Null(_backlog.Find("w1"));
        Assert.Equal(0, _backlog.Waiting);
        Assert.Equal(0, _backlog.Held);
        Assert.Empty(_backlog.HeldBy("aoife"));
        Assert.Empty(_backlog.OpenItems);
    }

    [Fact]
    public void Only_the_specialist_offered_an_item_may_accept_it()
    {
        _backlog.Enqueue("w1", At(9, 0));
        _backlog.OfferBest(Aoife, At(9, 1));

        var refused = Assert.Throws<WorkRefusedException>(() => _backlog.Accept("w1", "brid", At(9, 1, 5)));

        Assert.Equal(RefusalKind.FailedPrecondition, refused.Kind);
        Assert.Contains("specialists/brid cannot accept queues/hate-en/workItems/w1: it is RESERVED by specialists/aoife", refused.Message, Ordinal);
        Assert.Equal("aoife", _backlog.Find("w1")?.Holder);
    }

    [Fact]
    public void A_rejected_item_waits_again_and_goes_to_a_colleague_not_back_to_the_rejecter()
    {
        _backlog.Enqueue("w1", At(9, 0), Priority.P1);
        _backlog.OfferBest(Aoife, At(9, 1));

        var rejected = _backlog.Reject("w1", "aoife", "conflict of interest", At(9, 1, 5));

        Assert.Equal(WorkItemStatus.Queued, rejected.Status);
        Assert.Equal(string.Empty, rejected.Holder);
        Assert.Null(rejected.ReservationExpiry);
        Assert.Equal(new[] { "aoife" }, rejected.SkippedBy);
        Assert.Equal("conflict of interest", rejected.History[^1].Reason);
        Assert.Equal(1, _backlog.Waiting);
        Assert.Empty(_backlog.HeldBy("aoife"));

        Assert.Null(_backlog.BestFor(Aoife));
        Assert.Null(_backlog.OfferBest(Aoife, At(9, 2)));
        Assert.Equal("w1", _backlog.OfferBest(Brid, At(9, 2))?.ItemId);
    }

    [Fact]
    public void A_rejecter_is_still_offered_the_rest_of_the_queue()
    {
        _backlog.Enqueue("w1", At(9, 0), Priority.P0);
        _backlog.OfferBest(Aoife, At(9, 1));
        _backlog.Reject("w1", "aoife", "conflict of interest", At(9, 1, 5));
        _backlog.Enqueue("w2", At(9, 2), Priority.P3);

        // w1 (P0) is first in routing order, but not for Aoife.
        Assert.Equal("w2", _backlog.BestFor(Aoife)?.ItemId);
        Assert.Equal("w1", _backlog.BestFor(Brid)?.ItemId);
    }

    [Fact]
    public void A_released_item_waits_again_for_anyone_the_holder_included()
    {
        HandledBy(Aoife, "w1");

        var released = _backlog.Release("w1", "aoife", "needs a second look after my break", At(9, 3));

        Assert.Equal(WorkItemStatus.Queued, released.Status);
        Assert.Equal(string.Empty, released.Holder);
        Assert.Null(released.AcceptTime);
        Assert.Empty(released.SkippedBy);
        Assert.Equal(1, _backlog.Waiting);
        Assert.Equal(0, _backlog.Held);
        Assert.Equal("w1", _backlog.BestFor(Aoife)?.ItemId);
    }

    [Fact]
    public void Only_the_holder_releases_and_only_an_item_they_are_handling()
    {
        HandledBy(Aoife, "w1");
        _backlog.Enqueue("w2", At(9, 2));
        _backlog.OfferBest(Brid, At(9, 3));

        var notHolder = Assert.Throws<WorkRefusedException>(() => _backlog.Release("w1", "brid", string.Empty, At(9, 4)));
        var onlyOffered = Assert.Throws<WorkRefusedException>(() => _backlog.Release("w2", "brid", string.Empty, At(9, 4)));

        Assert.Contains("it is HANDLING by specialists/aoife", notHolder.Message, Ordinal);
        Assert.Contains("specialists/brid cannot release queues/hate-en/workItems/w2: it is RESERVED by specialists/brid", onlyOffered.Message, Ordinal);
        Assert.Equal(WorkItemStatus.Handling, _backlog.Find("w1")?.Status);
        Assert.Equal(WorkItemStatus.Reserved, _backlog.Find("w2")?.Status);
    }

    [Fact]
    public void An_offer_expires_at_exactly_the_reservation_timeout()
    {
        _backlog.Enqueue("w1", At(9, 0));
        _backlog.OfferBest(Aoife, At(9, 1));

        Assert.Empty(_backlog.ExpireDue(At(9, 1, 29)));
        Assert.Empty(_backlog.ExpireDue(At(9, 1, 30).AddTicks(-1)));
        var (item, offeredTo) = Assert.Single(_backlog.ExpireDue(At(9, 1, 30)));

        Assert.Equal("w1", item.ItemId);
        Assert.Equal("aoife", offeredTo);
        Assert.Equal(WorkItemStatus.Queued, item.Status);
        Assert.Equal(string.Empty, item.Holder);
        Assert.Null(item.ReservationExpiry);
        Assert.Equal(WorkItemAction.Expired, item.History[^1].Action);
        Assert.Equal("system", item.History[^1].Actor);
        Assert.Equal(1, _backlog.Waiting);
        Assert.Empty(_backlog.HeldBy("aoife"));
        Assert.Empty(_backlog.ExpireDue(At(9, 2)));
    }

    [Fact]
    public void Only_the_offers_whose_time_is_up_expire_in_the_order_they_lapsed()
    {
        // Offered to Aoife at 09:01:00 (until 09:01:30), to Bríd at 09:01:20 (until 09:01:50), to Cian at 09:01:10 (until 09:01:40).
        _backlog.Enqueue("w1", At(9, 0), Priority.P1);
        _backlog.Enqueue("w2", At(9, 0), Priority.P2);
        _backlog.Enqueue("w3", At(9, 0), Priority.P3);
        _backlog.OfferBest(Aoife, At(9, 1));
        _backlog.OfferBest(Cian, At(9, 1, 10));
        _backlog.OfferBest(Brid, At(9, 1, 20));

        var expired = _backlog.ExpireDue(At(9, 1, 45));

        Assert.Equal(new[] { ("w1", "aoife"), ("w2", "cian") }, expired.Select(e => (e.Item.ItemId, e.OfferedTo)));
        Assert.Equal("brid", _backlog.Find("w3")?.Holder);
        Assert.Equal(2, _backlog.Waiting);
    }

    [Fact]
    public void An_item_whose_offer_expired_cannot_be_accepted()
    {
        _backlog.Enqueue("w1", At(9, 0));
        _backlog.OfferBest(Aoife, At(9, 1));
        _backlog.ExpireDue(At(9, 1, 30));

        var refused = Assert.Throws<WorkRefusedException>(() => _backlog.Accept("w1", "aoife", At(9, 1, 31)));

        Assert.Equal(RefusalKind.FailedPrecondition, refused.Kind);
        Assert.Contains("it is QUEUED", refused.Message, Ordinal);
        Assert.Equal(WorkItemStatus.Queued, _backlog.Find("w1")?.Status);
    }

    [Fact]
    public void An_offer_cannot_be_accepted_once_its_time_is_up_even_before_it_is_expired()
    {
        _backlog.Enqueue("w1", At(9, 0));
        _backlog.OfferBest(Aoife, At(9, 1));

        var refused = Assert.Throws<WorkRefusedException>(() => _backlog.Accept("w1", "aoife", At(9, 1, 30)));

        Assert.Equal(RefusalKind.FailedPrecondition, refused.Kind);
        Assert.Contains("the offer of queues/hate-en/workItems/w1 to specialists/aoife expired at", refused.Message, Ordinal);
        Assert.Equal(WorkItemStatus.Reserved, _backlog.Find("w1")?.Status);
        Assert.Equal(WorkItemStatus.Handling, _backlog.Accept("w1", "aoife", At(9, 1, 29)).Status);
    }

    [Fact]
    public void A_withdrawn_offer_waits_again_and_is_not_counted_against_the_specialist()
    {
        _backlog.Enqueue("w1", At(9, 0));
        _backlog.OfferBest(Aoife, At(9, 1));

        Assert.Null(_backlog.Withdraw("w1", "brid", At(9, 1, 1)));
        Assert.Equal("aoife", _backlog.Find("w1")?.Holder);

        var withdrawn = _backlog.Withdraw("w1", "aoife", At(9, 1, 1));

        Assert.NotNull(withdrawn);
        Assert.Equal(WorkItemStatus.Queued, withdrawn.Status);
        Assert.Equal(string.Empty, withdrawn.Holder);
        Assert.Empty(withdrawn.SkippedBy);
        Assert.Equal(WorkItemAction.Withdrawn, withdrawn.History[^1].Action);
        Assert.Equal(1, _backlog.Waiting);
        Assert.Equal("w1", _backlog.BestFor(Aoife)?.ItemId);
        Assert.Null(_backlog.Withdraw("w1", "aoife", At(9, 1, 2)));
    }

    [Fact]
    public void A_transfer_to_a_colleague_who_does_not_read_the_language_is_refused_with_the_rule()
    {
        var handling = HandledBy(Aoife, "w1", "de");

        var refused = Assert.Throws<WorkRefusedException>(() => _backlog.Transfer("w1", "aoife", Cian, "end of shift", At(9, 5)));

        Assert.Equal(RefusalKind.FailedPrecondition, refused.Kind);
        Assert.Contains("queues/hate-en/workItems/w1 cannot go to specialists/cian", refused.Message, Ordinal);
        Assert.Contains(Eligibility.ForItem(Cian, Routing(), handling).Reason, refused.Message, Ordinal);
        Assert.Contains("does not read de", refused.Message, Ordinal);
        Assert.Same(handling, _backlog.Find("w1"));
    }

    [Fact]
    public void A_transfer_to_a_colleague_from_a_team_that_does_not_serve_the_queue_is_refused()
    {
        var ines = SpecialistIn("ines", "lisbon", Proficiency.Expert, ("de", Proficiency.Expert));
        var handling = HandledBy(Aoife, "w1", "de");

        var refused = Assert.Throws<WorkRefusedException>(() => _backlog.Transfer("w1", "aoife", ines, "end of shift", At(9, 5)));

        Assert.Contains("teams/lisbon", refused.Message, Ordinal);
        Assert.Same(handling, _backlog.Find("w1"));
    }

    [Fact]
    public void A_transfer_to_an_eligible_colleague_is_an_offer_to_them()
    {
        HandledBy(Aoife, "w1", "de");

        var transferred = _backlog.Transfer("w1", "aoife", Greta, "end of shift", At(9, 5));

        Assert.Equal(WorkItemStatus.Reserved, transferred.Status);
        Assert.Equal("greta", transferred.Holder);
        Assert.Equal(At(9, 5, 30), transferred.ReservationExpiry);
        Assert.Null(transferred.AcceptTime);
        Assert.Equal(WorkItemAction.Transferred, transferred.History[^1].Action);
        Assert.Equal("specialists/aoife", transferred.History[^1].Actor);
        Assert.Equal("end of shift", transferred.History[^1].Reason);
        Assert.Empty(_backlog.HeldBy("aoife"));
        Assert.Equal("w1", Assert.Single(_backlog.HeldBy("greta")).ItemId);
        Assert.Equal(1, _backlog.Held);
        Assert.Equal(WorkItemStatus.Handling, _backlog.Accept("w1", "greta", At(9, 5, 10)).Status);
    }

    [Fact]
    public void A_transfer_may_go_to_a_colleague_who_once_rejected_the_item()
    {
        _backlog.Enqueue("w1", At(9, 0), language: "de");
        _backlog.OfferBest(Greta, At(9, 1));
        _backlog.Reject("w1", "greta", "on a break in a minute", At(9, 1, 5));
        _backlog.OfferBest(Aoife, At(9, 2));
        _backlog.Accept("w1", "aoife", At(9, 2, 5));

        var transferred = _backlog.Transfer("w1", "aoife", Greta, "needs a native reader", At(9, 6));

        Assert.Equal("greta", transferred.Holder);
        Assert.Equal(WorkItemStatus.Reserved, transferred.Status);
    }

    [Fact]
    public void An_item_cannot_be_transferred_to_its_holder_nor_while_only_offered()
    {
        HandledBy(Aoife, "w1");
        _backlog.Enqueue("w2", At(9, 2));
        _backlog.OfferBest(Brid, At(9, 3));

        var toSelf = Assert.Throws<WorkRefusedException>(() => _backlog.Transfer("w1", "aoife", Aoife, string.Empty, At(9, 4)));
        var offered = Assert.Throws<WorkRefusedException>(() => _backlog.Transfer("w2", "brid", Cian, string.Empty, At(9, 4)));

        Assert.Equal(RefusalKind.InvalidArgument, toSelf.Kind);
        Assert.Equal("target_specialist", toSelf.Field);
        Assert.Equal(RefusalKind.FailedPrecondition, offered.Kind);
        Assert.Contains("it is RESERVED", offered.Message, Ordinal);
    }

    [Fact]
    public void An_escalation_needs_a_target_queue_other_than_this_one_and_checking_changes_nothing()
    {
        var handling = HandledBy(Aoife, "w1");

        var noTarget = Assert.Throws<WorkRefusedException>(() => _backlog.CheckEscalation("w1", "aoife", string.Empty));
        var sameQueue = Assert.Throws<WorkRefusedException>(() => _backlog.CheckEscalation("w1", "aoife", QueueId));
        var notHolder = Assert.Throws<WorkRefusedException>(() => _backlog.CheckEscalation("w1", "brid", "hate-review"));
        _backlog.CheckEscalation("w1", "aoife", "hate-review");

        // No target at all: the queue has no escalation queue to fall back on.
        Assert.Equal(RefusalKind.FailedPrecondition, noTarget.Kind);
        Assert.Contains("target_queue", noTarget.Message, Ordinal);
        Assert.Equal(RefusalKind.InvalidArgument, sameQueue.Kind);
        Assert.Equal("target_queue", sameQueue.Field);
        Assert.Contains("is already in queues/hate-en", sameQueue.Message, Ordinal);
        Assert.Equal(RefusalKind.FailedPrecondition, notHolder.Kind);
        Assert.Same(handling, _backlog.Find("w1"));
    }

    [Fact]
    public void An_escalated_item_leaves_the_backlog_for_its_target_queue()
    {
        HandledBy(Aoife, "w1");

        var escalated = _backlog.Escalate("w1", "aoife", "hate-review", "credible threat, needs a lead", At(9, 10));

        Assert.Equal(WorkItemStatus.Escalated, escalated.Status);
        Assert.Equal("hate-review", escalated.EscalatedTo);
        Assert.Equal(string.Empty, escalated.Holder);
        Assert.Null(escalated.AcceptTime);
        Assert.Equal(WorkItemAction.Escalated, escalated.History[^1].Action);
        Assert.Equal("credible threat, needs a lead", escalated.History[^1].Reason);
        Assert.Null(_backlog.Find("w1"));
        Assert.Equal(0, _backlog.Held);
        Assert.Empty(_backlog.HeldBy("aoife"));
    }

    [Fact]
    public void An_escalated_item_is_adopted_once_queued_with_an_escalated_in_event()
    {
        // Bríd turned it down, Aoife took it and sent it up.
        _backlog.Enqueue("w1", At(9, 0), Priority.P1);
        _backlog.OfferBest(Brid, At(9, 1));
        _backlog.Reject("w1", "brid", "conflict of interest", At(9, 1, 5));
        _backlog.OfferBest(Aoife, At(9, 2));
        _backlog.Accept("w1", "aoife", At(9, 2, 5));
        var escalated = _backlog.Escalate("w1", "aoife", "hate-review", "credible threat, needs a lead", At(9, 10));
        var review = new Backlog(ReviewRules(maxBacklog: 10));

        var (adopted, isNew) = review.ReceiveEscalation(escalated, 7, QueueId, "credible threat, needs a lead", At(9, 11));

        Assert.True(isNew);
        Assert.Equal(WorkItemStatus.Queued, adopted.Status);
        Assert.Equal(7, adopted.Partition);
        Assert.Equal(string.Empty, adopted.Holder);
        Assert.Equal(string.Empty, adopted.EscalatedTo);
        Assert.Empty(adopted.SkippedBy);
        Assert.Equal(escalated.Deadline, adopted.Deadline);
        Assert.Equal(escalated.History.Length + 1, adopted.History.Length);
        var arrived = adopted.History[^1];
        Assert.Equal(WorkItemAction.EscalatedIn, arrived.Action);
        Assert.Equal(WorkItemStatus.Escalated, arrived.From);
        Assert.Equal(WorkItemStatus.Queued, arrived.To);
        Assert.Equal("queues/hate-en", arrived.Actor);
        Assert.Equal("credible threat, needs a lead", arrived.Reason);
        Assert.Equal(1, review.Waiting);
        Assert.Equal("w1", review.BestFor(Lead)?.ItemId);

        var (again, againIsNew) = review.ReceiveEscalation(escalated, 7, QueueId, "credible threat, needs a lead", At(9, 12));

        Assert.False(againIsNew);
        Assert.Same(adopted, again);
        Assert.Equal(1, review.Waiting);
    }

    [Fact]
    public void An_escalation_is_never_refused_for_a_full_queue()
    {
        HandledBy(Aoife, "w1");
        var escalated = _backlog.Escalate("w1", "aoife", "hate-review", "needs a lead", At(9, 10));
        var review = new Backlog(ReviewRules(maxBacklog: 1));
        review.Enqueue("w7", At(9, 5));

        var (adopted, isNew) = review.ReceiveEscalation(escalated, 0, QueueId, "needs a lead", At(9, 11));

        Assert.True(isNew);
        Assert.Equal(WorkItemStatus.Queued, adopted.Status);
        Assert.Equal(2, review.Waiting);
    }

    [Fact]
    public void In_offer_rounds_the_longest_idle_gets_the_best_item_and_nobody_gets_a_second_before_everyone_has_one()
    {
        // Five English items, best first: w1 P0, w2 P1, w3 P2 (due 17:00), w4 P2 (due 17:01), w5 P3.
        _backlog.Enqueue("w1", At(8, 50), Priority.P0);
        _backlog.Enqueue("w2", At(8, 51), Priority.P1);
        _backlog.Enqueue("w3", At(9, 0), Priority.P2);
        _backlog.Enqueue("w4", At(9, 1), Priority.P2);
        _backlog.Enqueue("w5", At(8, 52), Priority.P3);
        // Aoife idle since 09:00 with one free slot, Bríd since 09:05 with two, Cian since 09:10 with one.
        var cian = new WaitingSpecialist(Cian, 1, At(9, 10));
        var aoife = new WaitingSpecialist(Aoife, 1, At(9, 0));
        var brid = new WaitingSpecialist(Brid, 2, At(9, 5));

        var given = _backlog.OfferRounds([cian, aoife, brid], At(9, 15));

        Assert.Equal(new[] { "w3" }, Ids(given[0]));
        Assert.Equal(new[] { "w1" }, Ids(given[1]));
        Assert.Equal(new[] { "w2", "w4" }, Ids(given[2]));
        Assert.All(given[2], offer => Assert.Equal("brid", offer.Holder));
        Assert.All(given.SelectMany(g => g), offer => Assert.Equal(At(9, 15, 30), offer.ReservationExpiry));
        Assert.Equal("w5", Assert.Single(_backlog.ListAfter(WorkItemStatus.Queued, string.Empty)).ItemId);
        Assert.Equal(4, _backlog.Held);
    }

    [Fact]
    public void Two_free_slots_do_not_take_both_items_while_a_colleague_who_fits_has_none()
    {
        _backlog.Enqueue("w1", At(9, 0), Priority.P1);
        _backlog.Enqueue("w2", At(9, 0), Priority.P2);

        var given = _backlog.OfferRounds([new WaitingSpecialist(Aoife, 2, At(9, 0)), new WaitingSpecialist(Cian, 1, At(9, 5))], At(9, 10));

        Assert.Equal(new[] { "w1" }, Ids(given[0]));
        Assert.Equal(new[] { "w2" }, Ids(given[1]));
    }

    [Fact]
    public void A_specialist_whom_nothing_fits_gets_nothing_and_takes_nothing_from_the_others()
    {
        // Only English items; Greta, idle longest, reads German only.
        _backlog.Enqueue("w1", At(9, 0), Priority.P1);
        _backlog.Enqueue("w2", At(9, 0), Priority.P2);

        var given = _backlog.OfferRounds([new WaitingSpecialist(Greta, 2, At(8, 0)), new WaitingSpecialist(Aoife, 1, At(9, 0))], At(9, 10));

        Assert.Empty(given[0]);
        Assert.Equal(new[] { "w1" }, Ids(given[1]));
        Assert.Equal(1, _backlog.Waiting);
        Assert.Empty(_backlog.HeldBy("greta"));
    }

    [Fact]
    public void In_offer_rounds_each_gets_the_best_item_they_read()
    {
        // An English P0 at the head, a German P1 behind it; Greta (German only) has waited longest.
        _backlog.Enqueue("w1", At(9, 0), Priority.P0, "en");
        _backlog.Enqueue("w2", At(9, 0), Priority.P1, "de");

        var given = _backlog.OfferRounds([new WaitingSpecialist(Greta, 1, At(8, 0)), new WaitingSpecialist(Cian, 1, At(9, 0))], At(9, 10));

        Assert.Equal(new[] { "w2" }, Ids(given[0]));
        Assert.Equal(new[] { "w1" }, Ids(given[1]));
    }

    [Fact]
    public void Items_are_listed_in_id_order_page_by_page_and_by_status()
    {
        // Admitted out of id order; w3 offered to Aoife, w1 taken by Bríd.
        _backlog.Enqueue("w3", At(9, 0), Priority.P0);
        _backlog.Enqueue("w1", At(9, 1), Priority.P1);
        _backlog.Enqueue("w5", At(9, 2), Priority.P2);
        _backlog.Enqueue("w2", At(9, 3), Priority.P3);
        _backlog.Enqueue("w4", At(9, 4), Priority.P3);
        _backlog.OfferBest(Aoife, At(9, 5));
        _backlog.OfferBest(Brid, At(9, 5));
        _backlog.Accept("w1", "brid", At(9, 5, 10));

        Assert.Equal(new[] { "w1", "w2", "w3", "w4", "w5" }, Ids(_backlog.OpenItems));
        Assert.Equal(new[] { "w1", "w2", "w3", "w4", "w5" }, Ids(_backlog.ListAfter(WorkItemStatus.Unspecified, string.Empty)));
        Assert.Equal(new[] { "w1", "w2" }, Ids(_backlog.ListAfter(WorkItemStatus.Unspecified, string.Empty).Take(2)));
        Assert.Equal(new[] { "w3", "w4" }, Ids(_backlog.ListAfter(WorkItemStatus.Unspecified, "w2").Take(2)));
        Assert.Equal(new[] { "w5" }, Ids(_backlog.ListAfter(WorkItemStatus.Unspecified, "w4").Take(2)));
        Assert.Empty(_backlog.ListAfter(WorkItemStatus.Unspecified, "w5"));
        Assert.Empty(_backlog.ListAfter(WorkItemStatus.Unspecified, "w9"));
        Assert.Equal(new[] { "w3", "w4", "w5" }, Ids(_backlog.ListAfter(WorkItemStatus.Unspecified, "w2a")));
        Assert.Equal(new[] { "w1", "w2", "w3", "w4", "w5" }, Ids(_backlog.ListAfter(WorkItemStatus.Unspecified, "a")));

        Assert.Equal(new[] { "w2", "w4", "w5" }, Ids(_backlog.ListAfter(WorkItemStatus.Queued, string.Empty)));
        Assert.Equal(new[] { "w4", "w5" }, Ids(_backlog.ListAfter(WorkItemStatus.Queued, "w2")));
        Assert.Equal(new[] { "w3" }, Ids(_backlog.ListAfter(WorkItemStatus.Reserved, string.Empty)));
        Assert.Equal(new[] { "w1" }, Ids(_backlog.ListAfter(WorkItemStatus.Handling, string.Empty)));
        Assert.Empty(_backlog.ListAfter(WorkItemStatus.Completed, string.Empty));
    }

    [Fact]
    public void Explain_says_which_rule_keeps_a_specialist_from_the_queue()
    {
        _backlog.Enqueue("w1", At(9, 0));
        var ines = SpecialistIn("ines", "lisbon", Proficiency.Expert, ("en", Proficiency.Expert));

        var explanation = _backlog.Explain(ines);

        Assert.Equal(EligibilityRule.TeamServesQueue, explanation.Verdict.Rule);
        Assert.Null(explanation.Next);
        Assert.Equal(explanation.Verdict.Reason, explanation.Why);
        Assert.Contains("teams/lisbon", explanation.Why, Ordinal);
    }

    [Fact]
    public void Explain_says_when_nothing_is_waiting()
    {
        var explanation = _backlog.Explain(Aoife);

        Assert.True(explanation.Verdict.IsEligible);
        Assert.Null(explanation.Next);
        Assert.Equal("nothing is waiting in queues/hate-en", explanation.Why);
    }

    [Fact]
    public void Explain_names_the_rule_and_the_first_waiting_item_when_none_may_go_to_the_specialist()
    {
        // Two German items; Cian reads English only.
        _backlog.Enqueue("w1", At(9, 0), Priority.P1, "de");
        _backlog.Enqueue("w2", At(9, 1), Priority.P2, "de");

        var explanation = _backlog.Explain(Cian);

        Assert.Equal(EligibilityRule.Language, explanation.Verdict.Rule);
        Assert.Null(explanation.Next);
        Assert.Equal(explanation.Verdict.Reason, explanation.Why);
        Assert.Contains("none of the 2 waiting items may go to specialists/cian", explanation.Why, Ordinal);
        Assert.Contains("the first in routing order, queues/hate-en/workItems/w1", explanation.Why, Ordinal);
        Assert.Contains("does not read de", explanation.Why, Ordinal);
    }

    [Fact]
    public void Explain_names_the_next_item_and_why_it_comes_first()
    {
        _backlog.Enqueue("w1", At(9, 0), Priority.P1);
        _backlog.Enqueue("w2", At(9, 1), Priority.P2);

        var explanation = _backlog.Explain(Aoife);

        Assert.True(explanation.Verdict.IsEligible);
        Assert.Equal("w1", explanation.Next?.ItemId);
        Assert.StartsWith("P1, due ", explanation.Why, Ordinal);
        Assert.Contains("first in routing order of the 2 waiting items", explanation.Why, Ordinal);
        Assert.Equal(2, _backlog.Waiting);
        Assert.Empty(_backlog.HeldBy("aoife"));
    }

    [Fact]
    public void Explain_names_the_head_the_specialist_may_not_take_when_their_next_item_is_behind_it()
    {
        // The head is a German P0; Cian reads English only, so his next item is the English P2.
        _backlog.Enqueue("w1", At(9, 0), Priority.P0, "de");
        _backlog.Enqueue("w2", At(9, 1), Priority.P2, "en");

        var explanation = _backlog.Explain(Cian);

        Assert.True(explanation.Verdict.IsEligible);
        Assert.Equal("w2", explanation.Next?.ItemId);
        Assert.StartsWith("P2, due ", explanation.Why, Ordinal);
        Assert.Contains("the first they may take; ahead of it is queues/hate-en/workItems/w1, which they may not", explanation.Why, Ordinal);
        Assert.Contains("does not read de", explanation.Why, Ordinal);
    }

    [Fact]
    public void Explain_names_a_head_the_specialist_rejected()
    {
        _backlog.Enqueue("w1", At(9, 0), Priority.P0);
        _backlog.Enqueue("w2", At(9, 1), Priority.P2);
        _backlog.OfferBest(Cian, At(9, 2));
        _backlog.Reject("w1", "cian", "conflict of interest", At(9, 2, 5));

        var explanation = _backlog.Explain(Cian);

        Assert.Equal("w2", explanation.Next?.ItemId);
        Assert.Contains("specialists/cian rejected queues/hate-en/workItems/w1 before", explanation.Why, Ordinal);
    }

    [Fact]
    public void Explain_puts_the_specialists_own_state_before_the_queue_they_could_otherwise_take_from()
    {
        // Aoife could take w1, but she is on a break: that is the answer for this queue as for every other.
        _backlog.Enqueue("w1", At(9, 0), Priority.P1);

        var explanation = _backlog.Explain(Aoife, new SpecialistAvailability(false, ActivityState.Break, 0, 3));

        Assert.Equal(EligibilityRule.ActivityState, explanation.Verdict.Rule);
        Assert.Null(explanation.Next);
        Assert.Contains("BREAK", explanation.Why, Ordinal);
    }

    [Fact]
    public void Explain_puts_the_specialists_own_state_before_the_queues_rule_that_would_also_refuse()
    {
        // Ines's team does not serve this queue, and she is deactivated besides: deactivated comes first.
        _backlog.Enqueue("w1", At(9, 0));
        var ines = SpecialistIn("ines", "lisbon", Proficiency.Expert, ("en", Proficiency.Expert));

        var explanation = _backlog.Explain(ines, new SpecialistAvailability(true, ActivityState.Available, 0, 3));

        Assert.Equal(EligibilityRule.Deactivated, explanation.Verdict.Rule);
    }

    [Fact]
    public void Explain_of_an_available_specialist_with_a_free_slot_is_the_queues_answer()
    {
        _backlog.Enqueue("w1", At(9, 0), Priority.P1);

        var explanation = _backlog.Explain(Aoife, new SpecialistAvailability(false, ActivityState.Available, 2, 3));

        Assert.Equal("w1", explanation.Next?.ItemId);
    }

    [Fact]
    public void A_restored_offer_is_held_and_still_expires()
    {
        _backlog.Enqueue("w1", At(9, 0));
        var offered = _backlog.OfferBest(Aoife, At(9, 1));
        Assert.NotNull(offered);
        var restarted = new Backlog(Rules());

        restarted.Restore(offered);

        Assert.Equal(1, restarted.Held);
        Assert.Equal("w1", Assert.Single(restarted.HeldBy("aoife")).ItemId);
        var (item, offeredTo) = Assert.Single(restarted.ExpireDue(At(9, 1, 30)));
        Assert.Equal("w1", item.ItemId);
        Assert.Equal("aoife", offeredTo);
    }

    [Fact]
    public void A_finished_item_is_not_restored()
    {
        HandledBy(Aoife, "w1");
        var completed = _backlog.Complete("w1", "aoife", Removal, 1, At(9, 3));

        Assert.Throws<ArgumentException>(() => new Backlog(Rules()).Restore(completed));
    }

    private static RoutingCandidate Lead { get; } = SpecialistIn("maeve", "dublin", Proficiency.Expert, ("en", Proficiency.Expert));

    private static QueueRules ReviewRules(int maxBacklog) =>
        new(new QueueRouting("hate-review", new QueueRequirements(HarmCategory.HateSpeech, [], Proficiency.Expert), ["dublin"]),
            SlaPolicy.Default, TimeSpan.FromSeconds(30), maxBacklog);

    private static List<string> Ids(IEnumerable<WorkItem> items) => [.. items.Select(i => i.ItemId)];

    /// <summary>Enqueues an item at 09:00, offers it to the specialist at 09:01 and has them accept it at 09:01:10.</summary>
    private WorkItem HandledBy(RoutingCandidate specialist, string itemId, string language = "en")
    {
        _backlog.Enqueue(itemId, At(9, 0), language: language);
        Assert.Equal(itemId, _backlog.OfferBest(specialist, At(9, 1))?.ItemId);
        return _backlog.Accept(itemId, specialist.SpecialistId, At(9, 1, 10));
    }

    [Fact]
    public void Waiting_items_of_every_language_are_listed_together_in_routing_order()
    {
        _backlog.Enqueue("de-p2", At(9, 0), Priority.P2, "de");
        _backlog.Enqueue("en-p1-late", At(9, 1), Priority.P1, "en", deadline: At(10, 30));
        _backlog.Enqueue("de-p1-early", At(9, 2), Priority.P1, "de", deadline: At(10, 0));
        _backlog.Enqueue("en-p0", At(9, 3), Priority.P0, "en");
        _backlog.Enqueue("en-p2", At(9, 4), Priority.P2, "en");
        _backlog.OfferBest(Cian, At(9, 5)); // en-p0 is offered: no longer waiting

        Assert.Equal(["de-p1-early", "en-p1-late", "de-p2", "en-p2"], _backlog.WaitingInRoutingOrder().Select(e => e.ItemId));
        Assert.Equal(1, _backlog.Reserved);
    }
}
