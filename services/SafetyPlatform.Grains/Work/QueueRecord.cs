using System.Collections.Immutable;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Grains.Work;

/// <summary>
/// A queue's own stored record: its settings, when it was created and changed, and the two
/// marks the item journal and the outcome hand-over keep in it. Written through Orleans' grain
/// state one write at a time: settings writes are rare, and Orleans' etag check refuses
/// overlapping writes from a reentrant grain.
/// </summary>
public sealed class QueueRecord(IPersistentState<QueueState> state, Grain grain, QueueName name)
{
    private readonly OneAtATime _writes = new();

    public QueueState State => state.State;

    public bool Created => state.State.Created;

    public QueueSettings Settings => state.State.Settings ?? throw SafetyException.NotFound(name.ToString());

    /// <summary>Creates the queue; false when this is a retry of the same create (same request id), ALREADY_EXISTS for any other.</summary>
    public async Task<bool> Create(QueueSettings settings, string requestId, DateTimeOffset now)
    {
        if (Created)
        {
            return requestId.Length > 0 && requestId == state.State.CreateRequestId
                ? false
                : throw new SafetyException(SafetyErrorKind.AlreadyExists, $"{name} already exists");
        }

        await Write(() =>
        {
            state.State.Created = true;
            state.State.Settings = settings;
            state.State.CreateTime = now;
            state.State.UpdateTime = now;
            state.State.Version = 1;
            state.State.CreateRequestId = requestId;
        });
        return true;
    }

    /// <summary>Applies the named fields of <paramref name="values"/> if <paramref name="etag"/> is current; returns the settings now in force.</summary>
    public async Task<QueueSettings> Update(QueueSettings values, ImmutableArray<string> fields, string? etag, DateTimeOffset now)
    {
        SafetyException.EnsureCurrent(name.ToString(), state.State.Version, etag);
        var updated = QueueChanges.Apply(Settings, values, fields);
        await Write(() =>
        {
            state.State.Settings = updated;
            state.State.UpdateTime = now;
            state.State.Version++;
        });
        return updated;
    }

    /// <summary>Records that the journal uses at least <paramref name="count"/> partitions; returns how many it may use.</summary>
    public async Task<int> GrowPartitions(int count)
    {
        await Write(() => state.State.PartitionCount = Math.Max(state.State.PartitionCount, count));
        return state.State.PartitionCount;
    }

    /// <summary>Records that every outcome up to <paramref name="through"/> has reached its client's outbox.</summary>
    public Task OutcomesHandedOver(long through) =>
        Write(() => state.State.OutcomesHandedOverThrough = Math.Max(state.State.OutcomesHandedOverThrough, through));

    private Task Write(Action change) => _writes.Run(() => StateWrites.Commit(state, grain, change));
}
