using System.Collections.Immutable;
using SafetyPlatform.Domain.Work;
using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Grains.Work;

/// <summary>One work item as stored: everything about it, history included.</summary>
public sealed record StoredWorkItem(
    string ItemId,
    int Partition,
    WorkItemSubmission Submission,
    WorkItemStatus Status,
    string Holder,
    DateTimeOffset? ReservationExpiry,
    DateTimeOffset Arrival,
    DateTimeOffset Deadline,
    DateTimeOffset? AcceptTime,
    WorkOutcome? Outcome,
    ImmutableArray<string> SkippedBy,
    ImmutableArray<WorkItemEventRecord> History,
    string EscalatedTo = "",
    bool EscalationDelivered = false,
    long CompletionSequence = 0)
{
    /// <summary>Oldest events beyond this are dropped (the first, `enqueued`, is always kept).</summary>
    public const int MaxHistory = 200;

    public WorkItemView View(string queueId) =>
        new(queueId, ItemId, Submission, Status, Holder, ReservationExpiry, Arrival, Deadline, Outcome, History, EscalatedTo);

    public BacklogEntry Entry() => new(Submission.Priority, Deadline, Arrival, ItemId);

    /// <summary>The item after a change of status, with the change in its history.</summary>
    public StoredWorkItem Then(WorkItemStatus status, DateTimeOffset at, string actor, string action, string reason)
    {
        var events = History.Add(new WorkItemEventRecord(
            History.IsEmpty ? 1 : History[^1].Sequence + 1, Status, status, at, actor, action, reason));
        if (events.Length > MaxHistory)
        {
            events = events.RemoveAt(1);
        }

        return this with { Status = status, History = events };
    }
}

/// <summary>
/// Durable storage of a queue's items: one row per item, in a few partitions per queue, so a
/// queue can hold a backlog far beyond one storage row and write many items in one
/// transaction. Items are placed by arrival: partition 0 takes the first
/// <see cref="PartitionSize"/> items, partition 1 the next, and so on, so that items enqueued
/// and routed together are written together.
/// </summary>
public interface IWorkItemStore
{
    /// <summary>Items per storage partition: small enough to read quickly, large enough to batch.</summary>
    public const int PartitionSize = 2000;

    /// <summary>Every item in the queue's partitions 0 to <paramref name="partitionCount"/> - 1.</summary>
    Task<IReadOnlyList<StoredWorkItem>> Load(string queueId, int partitionCount, CancellationToken cancellationToken = default);

    /// <summary>Writes (inserts or replaces) the items; returns once all are durable.</summary>
    Task Write(string queueId, IReadOnlyList<StoredWorkItem> items, CancellationToken cancellationToken = default);
}

/// <summary>
/// Group commit: changes marked while a write is in flight are written together in the next
/// one, and each caller's task completes when the write holding its change is durable. One
/// write at a time, so a later write never lands before an earlier one. After a failed write
/// every later mark fails too: memory then holds changes storage may not, and the owner must
/// reload.
/// </summary>
public sealed class GroupCommit(Func<IReadOnlyCollection<string>, Task> write)
{
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);
    private TaskCompletionSource _next = NewBatch();
    private bool _writing;

    /// <summary>Set once a write has failed.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Writes in flight or waiting.</summary>
    public int Pending => _dirty.Count;

    /// <summary>Marks a key changed; the task completes when its current state is durable.</summary>
    public Task Mark(string key)
    {
        if (Failure is not null)
        {
            return Task.FromException(Failure);
        }

        _dirty.Add(key);
        var durable = _next.Task;
        if (!_writing)
        {
            _writing = true;
            _ = Run();
        }

        return durable;
    }

    private async Task Run()
    {
        // Let the rest of this turn (a batch enqueue, say) mark its keys before writing.
        await Task.Yield();
        try
        {
            while (_dirty.Count > 0 && Failure is null)
            {
                var keys = _dirty.ToArray();
                _dirty.Clear();
                var batch = _next;
                _next = NewBatch();
                try
                {
                    await write(keys);
                    batch.SetResult();
                }
                catch (Exception e)
                {
                    Failure = e;
                    batch.SetException(e);
                    _next.TrySetException(e);
                }

            }
        }
        finally
        {
            _writing = false;
        }
    }

    private static TaskCompletionSource NewBatch() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Routing settings of the silo.</summary>
public sealed class RoutingOptions
{
    /// <summary>The state a specialist is put in when an offer to them expires unanswered.</summary>
    public Domain.Roster.ActivityState OfferTimeoutState { get; set; } = Domain.Roster.ActivityState.Offline;

    /// <summary>How often reservations are checked for expiry.</summary>
    public TimeSpan ReservationSweep { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a specialist who finished their last item still reads HANDLING. Accepting the
    /// next item within it writes no state change at all (under steady work, two storage
    /// writes per item fewer); once it passes, the return to AVAILABLE is recorded as of the
    /// moment they finished, so time in state stays exact. Zero: at once.
    /// </summary>
    public TimeSpan IdleGrace { get; set; } = TimeSpan.FromSeconds(2);
}
