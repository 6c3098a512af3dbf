using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace SafetyPlatform.Domain.Work;

/// <summary>
/// One work item, everything about it, history included, as its queue holds it and storage keeps
/// it. Immutable: every change makes a new item. The JSON names are the stored format (pages
/// written by earlier builds must still load): never rename them.
/// </summary>
public sealed record WorkItem(
    [property: JsonPropertyName("ItemId")] string ItemId,
    [property: JsonPropertyName("Partition")] int Partition,
    [property: JsonPropertyName("Submission")] WorkItemSubmission Submission,
    [property: JsonPropertyName("Status")] WorkItemStatus Status,
    [property: JsonPropertyName("Holder")] string Holder,
    [property: JsonPropertyName("ReservationExpiry")] DateTimeOffset? ReservationExpiry,
    [property: JsonPropertyName("Arrival")] DateTimeOffset Arrival,
    [property: JsonPropertyName("Deadline")] DateTimeOffset Deadline,
    [property: JsonPropertyName("AcceptTime")] DateTimeOffset? AcceptTime,
    [property: JsonPropertyName("Outcome")] WorkOutcome? Outcome,
    [property: JsonPropertyName("SkippedBy")] ImmutableArray<string> SkippedBy,
    [property: JsonPropertyName("History")] ImmutableArray<WorkItemEvent> History,
    [property: JsonPropertyName("EscalatedTo")] string EscalatedTo = "",
    [property: JsonPropertyName("EscalationDelivered")] bool EscalationDelivered = false,
    [property: JsonPropertyName("CompletionSequence")] long CompletionSequence = 0)
{
    /// <summary>Oldest events beyond this are dropped, except `enqueued` and `escalated_in`, which say where the item came from.</summary>
    public const int MaxHistory = 200;

    /// <summary>Where the item stands in routing order.</summary>
    [JsonIgnore]
    public BacklogEntry Entry => new(Submission.Priority, Deadline, Arrival, ItemId);

    /// <summary>
    /// Whether the item came into this queue by escalation: its idempotency key then belongs to
    /// the queue it was submitted to, and does not name it here.
    /// </summary>
    [JsonIgnore]
    public bool ArrivedByEscalation => History.Any(e => e.Action == WorkItemAction.EscalatedIn);

    /// <summary>The number of the item's latest event: every change adds one.</summary>
    [JsonIgnore]
    public int LastEvent => History.IsEmpty ? 0 : History[^1].Sequence;

    /// <summary>
    /// The item after <paramref name="action"/>, checked against the lifecycle table, with the
    /// change in its history. Throws <see cref="WorkRefusedException"/> when the table forbids it.
    /// </summary>
    public WorkItem After(WorkItemAction action, WorkItemActor role, DateTimeOffset at, string actor, string reason)
    {
        var transition = WorkItemLifecycle.Check(Status, action, role);
        var events = History.Add(new WorkItemEvent(LastEvent + 1, Status, transition.To, at, actor, action, reason));
        if (events.Length > MaxHistory)
        {
            var oldest = events.IndexOf(events.First(e => e.Action is not (WorkItemAction.Enqueued or WorkItemAction.EscalatedIn)));
            events = events.RemoveAt(oldest);
        }

        return this with { Status = transition.To, History = events };
    }

    /// <summary>The latest event of this action, if any.</summary>
    public WorkItemEvent? Last(WorkItemAction action)
    {
        for (var i = History.Length - 1; i >= 0; i--)
        {
            if (History[i].Action == action)
            {
                return History[i];
            }
        }

        return null;
    }
}
