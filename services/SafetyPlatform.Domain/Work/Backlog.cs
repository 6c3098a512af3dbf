using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Monitoring;

namespace SafetyPlatform.Domain.Work;

/// <summary>
/// One queue's open items and their indexes: waiting items in routing order (one sorted set per
/// item language, since language is what makes an item fit one specialist and not another),
/// reservations by expiry, and holders. It admits items, finds the best item for a specialist,
/// runs offer rounds, applies every lifecycle transition, and pages. Synchronous: a decision
/// and the change it makes happen in one call, so no await can ever land between choosing an
/// item and reserving it, and an item never has two holders. Finished items (completed,
/// escalated) leave the backlog; the caller keeps them elsewhere and may say how to find one
/// (<paramref name="finished"/>), so that a repeated enqueue and a late accept still get the
/// right answer. Every transition is counted in <paramref name="activity"/>, when given, as it is made.
/// </summary>
public sealed class Backlog(QueueRules rules, IFinishedItems? finished = null, QueueActivity? activity = null)
{
    private readonly Dictionary<string, WorkItem> _open = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byRequest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<BacklogEntry>> _waitingByLanguage = new(StringComparer.OrdinalIgnoreCase);
    private readonly SortedSet<(DateTimeOffset Expiry, string ItemId)> _reservations = new(Comparer<(DateTimeOffset Expiry, string ItemId)>.Create(
        (a, b) => a.Expiry != b.Expiry ? a.Expiry.CompareTo(b.Expiry) : string.CompareOrdinal(a.ItemId, b.ItemId)));
    private readonly Dictionary<string, HashSet<string>> _heldBy = new(StringComparer.Ordinal);

    public QueueRules Rules { get; set; } = rules;

    /// <summary>Items waiting to be offered.</summary>
    public int Waiting { get; private set; }

    /// <summary>Items reserved for or handled by a specialist.</summary>
    public int Held => _open.Count - Waiting;

    /// <summary>Specialists who hold or are offered an item now.</summary>
    public IEnumerable<string> Holders => _heldBy.Keys;

    /// <summary>Items offered to a specialist, not yet accepted.</summary>
    public int Reserved => _reservations.Count;

    /// <summary>Every waiting item, in routing order (the languages' sets merged).</summary>
    public IEnumerable<BacklogEntry> WaitingInRoutingOrder()
    {
        var heads = new PriorityQueue<IEnumerator<BacklogEntry>, BacklogEntry>(BacklogOrder.Instance);
        foreach (var set in _waitingByLanguage.Values)
        {
            var cursor = set.GetEnumerator();
            if (cursor.MoveNext())
            {
                heads.Enqueue(cursor, cursor.Current);
            }
        }

        while (heads.TryDequeue(out var cursor, out var entry))
        {
            yield return entry;
            if (cursor.MoveNext())
            {
                heads.Enqueue(cursor, cursor.Current);
            }
        }
    }

    /// <summary>Every open item, in id order.</summary>
    public IEnumerable<WorkItem> OpenItems => _ids.Select(id => _open[id]);

    private QueueRouting Routing => Rules.Routing;

    public WorkItem? Find(string itemId) => _open.GetValueOrDefault(itemId);

    /// <summary>The item a client's request id already names, open or finished.</summary>
    public WorkItem? FindByRequest(string requestKey)
    {
        if (_byRequest.TryGetValue(requestKey, out var id))
        {
            return _open[id];
        }

        // An item that finished here, went away by escalation and came back is open again: that is the item now.
        var done = finished?.ByRequest(requestKey);
        return done is not null && _open.TryGetValue(done.ItemId, out var reopened) ? reopened : done;
    }

    /// <summary>
    /// Admits a submission as a new QUEUED item, or returns the item its idempotency key already
    /// names (IsNew false). Refuses an item in a language the queue does not take, or one that
    /// would take the backlog past its cap. The deadline is the submission's, or arrival plus the
    /// SLA of its priority.
    /// </summary>
    public (WorkItem Item, bool IsNew) Admit(WorkItemSubmission submission, string newItemId, int partition, DateTimeOffset now)
    {
        if (FindByRequest(submission.RequestKey) is { } existing)
        {
            return (existing, false);
        }

        var languages = Routing.Requirements.Languages;
        if (languages.Count > 0 && submission.Language.Length > 0 && !languages.Contains(submission.Language, StringComparer.OrdinalIgnoreCase))
        {
            throw new WorkRefusedException(RefusalKind.InvalidArgument,
                $"queues/{Rules.QueueId} takes content in {string.Join(", ", languages)}, not '{submission.Language}'", "work_item.language_code");
        }

        if (Waiting >= Rules.MaxBacklog)
        {
            throw new WorkRefusedException(RefusalKind.ResourceExhausted,
                $"queues/{Rules.QueueId} is full: {Waiting} items wait, the maximum is {Rules.MaxBacklog}");
        }

        var deadline = Rules.Sla.DeadlineFor(submission.Priority, now, submission.Deadline);
        var blank = new WorkItem(newItemId, partition, submission, WorkItemStatus.Unspecified, string.Empty, null, now, deadline, null, null, [], []);
        var item = blank.After(WorkItemAction.Enqueued, WorkItemActor.SubmittingClient, now, "clients/" + submission.Client, string.Empty);
        Index(item);
        activity?.Count(item);
        return (item, true);
    }

    /// <summary>
    /// Takes in an item escalated from another queue, QUEUED here with its history; never refused
    /// for a full backlog, so an escalation is not lost on its way. A repeat returns the item as
    /// it is, even once it has finished here; an item that comes back after being escalated away
    /// (its history has moved on since) is taken in again.
    /// </summary>
    public (WorkItem Item, bool IsNew) ReceiveEscalation(WorkItem escalated, int partition, string fromQueueId, string reason, DateTimeOffset now)
    {
        if (_open.TryGetValue(escalated.ItemId, out var known))
        {
            return (known, false);
        }

        if (finished?.ById(escalated.ItemId) is { } done && done.LastEvent > escalated.LastEvent)
        {
            return (done, false);
        }

        var arriving = escalated with
        {
            Partition = partition,
            Status = WorkItemStatus.Escalated,
            Holder = string.Empty,
            ReservationExpiry = null,
            AcceptTime = null,
            Outcome = null,
            SkippedBy = [],
            EscalatedTo = string.Empty,
            EscalationDelivered = false,
            CompletionSequence = 0,
        };
        var item = arriving.After(WorkItemAction.EscalatedIn, WorkItemActor.EscalatingQueue, now, $"queues/{fromQueueId}", reason);
        Index(item);
        activity?.Count(item);
        return (item, true);
    }

    /// <summary>Puts back an open item read from storage as it was (recovery); a reservation read back (a transfer's) expires at its stored time.</summary>
    public void Restore(WorkItem item)
    {
        if (WorkItemLifecycle.IsFinished(item.Status) || item.Status == WorkItemStatus.Unspecified)
        {
            throw new ArgumentException($"only open items are restored, not a {item.Status} one", nameof(item));
        }

        if (_open.TryGetValue(item.ItemId, out var stale))
        {
            Unindex(stale);
        }

        Index(item);
    }

    /// <summary>The best waiting item this specialist may take: the first in routing order that every eligibility rule allows.</summary>
    public WorkItem? BestFor(RoutingCandidate specialist)
    {
        if (Waiting == 0 || !Eligibility.ForQueue(specialist, Routing).IsEligible)
        {
            return null;
        }

        WorkItem? best = null;
        // The wellbeing rule's answer depends only on the item's harm category: once it holds one back, it holds back all of it.
        HashSet<HarmCategory>? heldBack = null;
        foreach (var (language, waiting) in _waitingByLanguage)
        {
            if (waiting.Count == 0 || best is not null && BacklogOrder.Instance.Compare(waiting.Min, best.Entry) > 0 ||
                !Eligibility.ForLanguage(specialist, Routing, language).IsEligible)
            {
                continue;
            }

            // Within one language only the specialist's own rejections and their wellbeing limits can pass an item over.
            foreach (var entry in waiting)
            {
                if (best is not null && BacklogOrder.Instance.Compare(entry, best.Entry) > 0)
                {
                    break;
                }

                var item = _open[entry.ItemId];
                if (heldBack is not null && heldBack.Contains(item.Submission.HarmCategory))
                {
                    continue;
                }

                var verdict = Eligibility.ForItem(specialist, Routing, item);
                if (verdict.IsEligible)
                {
                    best = item;
                    break;
                }

                if (verdict.Rule == EligibilityRule.Wellbeing)
                {
                    (heldBack ??= []).Add(item.Submission.HarmCategory);
                }
            }
        }

        return best;
    }

    /// <summary>Reserves the best item for the specialist and returns it; null when none fits.</summary>
    public WorkItem? OfferBest(RoutingCandidate specialist, DateTimeOffset now) =>
        BestFor(specialist) is { } best ? Reserve(best, specialist.SpecialistId, now) : null;

    /// <summary>
    /// Offers waiting items to waiting specialists in rounds: each round goes through them from the
    /// longest idle, giving each the best item that fits them, until the items run out or every
    /// waiter's free slots are filled. So a burst of items reaches everyone at once, and nobody
    /// gets a second item while a longer idle colleague who fits it has none. The offers made,
    /// per waiter, in the order of <paramref name="waiters"/>.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<WorkItem>> OfferRounds(IReadOnlyList<WaitingSpecialist> waiters, DateTimeOffset now)
    {
        var given = waiters.Select(_ => new List<WorkItem>()).ToList();
        var turn = Enumerable.Range(0, waiters.Count).Where(i => waiters[i].Slots > 0).OrderBy(i => waiters[i].IdleSince).ToList();
        while (turn.Count > 0 && Waiting > 0)
        {
            foreach (var i in turn.ToList())
            {
                if (Waiting > 0 && OfferBest(waiters[i].Specialist, now) is { } offer)
                {
                    given[i].Add(offer);
                }
                else
                {
                    // Nothing fits them now, and items only leave the backlog here: do not look again.
                    turn.Remove(i);
                }

                if (given[i].Count >= waiters[i].Slots)
                {
                    turn.Remove(i);
                }
            }
        }

        return given;
    }

    /// <summary>The specialist starts work on an item offered to them; refused once the offer has expired.</summary>
    public WorkItem Accept(string itemId, string specialistId, DateTimeOffset now)
    {
        var item = HeldOrRefuse(itemId, specialistId, WorkItemStatus.Reserved, "accept");
        if (item.ReservationExpiry <= now)
        {
            throw new WorkRefusedException(RefusalKind.FailedPrecondition,
                $"the offer of {ItemName(itemId)} to specialists/{specialistId} expired at {item.ReservationExpiry:O}");
        }

        return Replace(item.After(WorkItemAction.Accepted, WorkItemActor.Holder, now, Specialist(specialistId), string.Empty) with
        {
            ReservationExpiry = null,
            AcceptTime = now,
        });
    }

    /// <summary>The specialist turns an offer down: the item waits again, and is not offered to them again.</summary>
    public WorkItem Reject(string itemId, string specialistId, string reason, DateTimeOffset now)
    {
        var item = HeldOrRefuse(itemId, specialistId, WorkItemStatus.Reserved, "reject");
        return Replace(item.After(WorkItemAction.Rejected, WorkItemActor.Holder, now, Specialist(specialistId), reason) with
        {
            Holder = string.Empty,
            ReservationExpiry = null,
            SkippedBy = item.SkippedBy.Add(specialistId),
        });
    }

    /// <summary>Takes back an offer the specialist never saw (another queue's came first), without counting it against them.</summary>
    public WorkItem? Withdraw(string itemId, string specialistId, DateTimeOffset now)
    {
        if (!_open.TryGetValue(itemId, out var item) || item.Status != WorkItemStatus.Reserved || item.Holder != specialistId)
        {
            return null;
        }

        return Replace(item.After(WorkItemAction.Withdrawn, WorkItemActor.Routing, now, "system", "the specialist already had an offer") with
        {
            Holder = string.Empty,
            ReservationExpiry = null,
        });
    }

    /// <summary>The holder gives an item back unfinished; it waits again.</summary>
    public WorkItem Release(string itemId, string specialistId, string reason, DateTimeOffset now)
    {
        var item = HeldOrRefuse(itemId, specialistId, WorkItemStatus.Handling, "release");
        return Replace(item.After(WorkItemAction.Released, WorkItemActor.Holder, now, Specialist(specialistId), reason) with
        {
            Holder = string.Empty,
            AcceptTime = null,
        });
    }

    /// <summary>
    /// The holder finishes an item with an outcome; its handle time runs from the accept. The
    /// item leaves the backlog (the caller keeps finished items).
    /// </summary>
    public WorkItem Complete(string itemId, string specialistId, WorkOutcome outcome, long completionSequence, DateTimeOffset now)
    {
        var item = HeldOrRefuse(itemId, specialistId, WorkItemStatus.Handling, "complete");
        var handleTime = item.AcceptTime is { } accepted && now > accepted ? now - accepted : TimeSpan.Zero;
        return Remove(item.After(WorkItemAction.Completed, WorkItemActor.Holder, now, Specialist(specialistId), string.Empty) with
        {
            Holder = string.Empty,
            Outcome = outcome with { HandleTime = handleTime, CompleteTime = now, SpecialistId = specialistId },
            CompletionSequence = completionSequence,
        });
    }

    /// <summary>Checks that the holder may escalate the item to <paramref name="targetQueueId"/>, changing nothing.</summary>
    public void CheckEscalation(string itemId, string specialistId, string targetQueueId)
    {
        HeldOrRefuse(itemId, specialistId, WorkItemStatus.Handling, "escalate");
        if (targetQueueId.Length == 0)
        {
            throw new WorkRefusedException(RefusalKind.FailedPrecondition, $"queues/{Rules.QueueId} has no escalation queue; name the target_queue");
        }

        if (targetQueueId == Rules.QueueId)
        {
            throw new WorkRefusedException(RefusalKind.InvalidArgument, $"{ItemName(itemId)} is already in queues/{targetQueueId}", "target_queue");
        }
    }

    /// <summary>The holder sends the item to another queue; it leaves this backlog, to be delivered there.</summary>
    public WorkItem Escalate(string itemId, string specialistId, string targetQueueId, string reason, DateTimeOffset now)
    {
        CheckEscalation(itemId, specialistId, targetQueueId);
        var item = _open[itemId];
        return Remove(item.After(WorkItemAction.Escalated, WorkItemActor.Holder, now, Specialist(specialistId), reason) with
        {
            Holder = string.Empty,
            AcceptTime = null,
            EscalatedTo = targetQueueId,
        });
    }

    /// <summary>The holder hands the item to a colleague, as an offer to them; refused unless every eligibility rule of the queue and item allows the colleague.</summary>
    public WorkItem Transfer(string itemId, string fromSpecialistId, RoutingCandidate to, string reason, DateTimeOffset now)
    {
        var item = HeldOrRefuse(itemId, fromSpecialistId, WorkItemStatus.Handling, "transfer");
        if (to.SpecialistId == fromSpecialistId)
        {
            throw new WorkRefusedException(RefusalKind.InvalidArgument, "an item cannot be transferred to its holder", "target_specialist");
        }

        var verdict = Eligibility.ForQueueAndItem(to, Routing, item with { SkippedBy = [] });
        if (!verdict.IsEligible)
        {
            throw new WorkRefusedException(RefusalKind.FailedPrecondition, $"{ItemName(itemId)} cannot go to specialists/{to.SpecialistId}: {verdict.Reason}");
        }

        return Replace(item.After(WorkItemAction.Transferred, WorkItemActor.Holder, now, Specialist(fromSpecialistId), reason) with
        {
            Holder = to.SpecialistId,
            AcceptTime = null,
            ReservationExpiry = now + Rules.ReservationTimeout,
        });
    }

    /// <summary>Every offer whose reservation has expired by <paramref name="now"/>, queued again; each with the specialist it was offered to.</summary>
    public IReadOnlyList<(WorkItem Item, string OfferedTo)> ExpireDue(DateTimeOffset now)
    {
        var expired = new List<(WorkItem, string)>();
        while (_reservations.Count > 0 && _reservations.Min.Expiry <= now)
        {
            var item = _open[_reservations.Min.ItemId];
            expired.Add((Replace(item.After(WorkItemAction.Expired, WorkItemActor.Routing, now, "system", "the offer was not accepted in time") with
            {
                Holder = string.Empty,
                ReservationExpiry = null,
            }), item.Holder));
        }

        return expired;
    }

    /// <summary>Open items the specialist holds or is offered.</summary>
    public IEnumerable<WorkItem> HeldBy(string specialistId) =>
        _heldBy.TryGetValue(specialistId, out var ids) ? ids.Select(id => _open[id]) : [];

    /// <summary>Open items of a status (every open one when unspecified) after <paramref name="afterId"/>, in id order.</summary>
    public IEnumerable<WorkItem> ListAfter(WorkItemStatus status, string afterId)
    {
        return _ids.After(afterId).Select(id => _open[id]).Where(i => status == WorkItemStatus.Unspecified || i.Status == status);
    }

    /// <summary>
    /// Why this specialist would or would not be offered an item of this queue now, given their
    /// own state. That state (deactivated, not in a working state, no free slot) keeps them from
    /// every queue alike, so it outranks whatever this queue would say.
    /// </summary>
    public RoutingExplanation Explain(RoutingCandidate specialist, SpecialistAvailability availability)
    {
        var own = Eligibility.ToTakeWork(specialist, availability);
        return own.IsEligible ? Explain(specialist) : RoutingExplanation.Blocked(own);
    }

    /// <summary>Why this specialist would or would not be offered an item of this queue now, were they free to take one.</summary>
    public RoutingExplanation Explain(RoutingCandidate specialist)
    {
        var forQueue = Eligibility.ForQueue(specialist, Routing);
        if (!forQueue.IsEligible)
        {
            return RoutingExplanation.Blocked(forQueue);
        }

        if (Waiting == 0)
        {
            return new RoutingExplanation(EligibilityVerdict.Eligible, null, $"nothing is waiting in queues/{Rules.QueueId}");
        }

        var head = _open[_waitingByLanguage.Values.Where(s => s.Count > 0).Select(s => s.Min).Min(BacklogOrder.Instance).ItemId];
        if (BestFor(specialist) is not { } best)
        {
            var refusal = Eligibility.ForItem(specialist, Routing, head);
            return RoutingExplanation.Blocked(refusal with
            {
                Reason = $"none of the {Waiting} waiting items may go to specialists/{specialist.SpecialistId}; the first in routing order, {ItemName(head.ItemId)}: {refusal.Reason}",
            });
        }

        var why = $"{best.Submission.Priority}, due {BacklogOrder.Utc(best.Deadline)}, arrived {BacklogOrder.Utc(best.Arrival)}";
        why += best.ItemId == head.ItemId
            ? $": first in routing order of the {Waiting} waiting items"
            : $": the first they may take; ahead of it is {ItemName(head.ItemId)}, which they may not ({Eligibility.ForItem(specialist, Routing, head).Reason})";
        return new RoutingExplanation(EligibilityVerdict.Eligible, best, why);
    }

    private WorkItem Reserve(WorkItem item, string specialistId, DateTimeOffset now) =>
        Replace(item.After(WorkItemAction.Offered, WorkItemActor.Routing, now, Specialist(specialistId), string.Empty) with
        {
            Holder = specialistId,
            ReservationExpiry = now + Rules.ReservationTimeout,
        });

    private WorkItem HeldOrRefuse(string itemId, string specialistId, WorkItemStatus expected, string verb)
    {
        var item = _open.TryGetValue(itemId, out var found)
            ? found
            : finished?.ById(itemId) is { } done
                ? throw new WorkRefusedException(RefusalKind.FailedPrecondition,
                    $"specialists/{specialistId} cannot {verb} {ItemName(itemId)}: it is {WorkItemLifecycle.Describe(done.Status)}")
                : throw new WorkRefusedException(RefusalKind.NotFound, $"{ItemName(itemId)} was not found");
        if (item.Status != expected || item.Holder != specialistId)
        {
            var why = item.Status == expected
                ? $"it is {WorkItemLifecycle.Describe(expected)} by specialists/{item.Holder}"
                : $"it is {WorkItemLifecycle.Describe(item.Status)}" + (item.Holder.Length > 0 ? $" by specialists/{item.Holder}" : string.Empty);
            throw new WorkRefusedException(RefusalKind.FailedPrecondition, $"specialists/{specialistId} cannot {verb} {ItemName(itemId)}: {why}");
        }

        return item;
    }

    private WorkItem Replace(WorkItem item)
    {
        Unindex(_open[item.ItemId]);
        Index(item);
        activity?.Count(item);
        return item;
    }

    private WorkItem Remove(WorkItem item)
    {
        Unindex(_open[item.ItemId]);
        activity?.Count(item);
        _open.Remove(item.ItemId);
        _ids.Remove(item.ItemId);
        if (_byRequest.TryGetValue(item.Submission.RequestKey, out var owner) && owner == item.ItemId)
        {
            _byRequest.Remove(item.Submission.RequestKey);
        }

        return item;
    }

    private void Index(WorkItem item)
    {
        _open[item.ItemId] = item;
        _ids.Add(item.ItemId);
        if (!item.ArrivedByEscalation)
        {
            _byRequest[item.Submission.RequestKey] = item.ItemId;
        }

        switch (item.Status)
        {
            case WorkItemStatus.Queued:
                Waiting++;
                WaitingIn(item.Submission.Language).Add(item.Entry);
                break;
            case WorkItemStatus.Reserved:
                _reservations.Add((item.ReservationExpiry ?? DateTimeOffset.MinValue, item.ItemId));
                Holding(item.Holder).Add(item.ItemId);
                break;
            case WorkItemStatus.Handling:
                Holding(item.Holder).Add(item.ItemId);
                break;
        }
    }

    private void Unindex(WorkItem item)
    {
        switch (item.Status)
        {
            case WorkItemStatus.Queued:
                Waiting--;
                WaitingIn(item.Submission.Language).Remove(item.Entry);
                break;
            case WorkItemStatus.Reserved:
                _reservations.Remove((item.ReservationExpiry ?? DateTimeOffset.MinValue, item.ItemId));
                Unhold(item);
                break;
            case WorkItemStatus.Handling:
                Unhold(item);
                break;
        }
    }

    private void Unhold(WorkItem item)
    {
        var held = Holding(item.Holder);
        held.Remove(item.ItemId);
        if (held.Count == 0)
        {
            _heldBy.Remove(item.Holder);
        }
    }

    private SortedSet<BacklogEntry> WaitingIn(string language)
    {
        if (!_waitingByLanguage.TryGetValue(language, out var set))
        {
            _waitingByLanguage[language] = set = new SortedSet<BacklogEntry>(BacklogOrder.Instance);
        }

        return set;
    }

    private HashSet<string> Holding(string specialistId)
    {
        if (!_heldBy.TryGetValue(specialistId, out var set))
        {
            _heldBy[specialistId] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        return set;
    }

    private string ItemName(string itemId) => $"queues/{Rules.QueueId}/workItems/{itemId}";

    private static string Specialist(string id) => $"specialists/{id}";
}
