using System.Collections.Immutable;
using System.Globalization;
using Orleans.Concurrency;
using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Grains.Work;

/// <summary>Durable rows of a client's outbox.</summary>
public interface IOutcomeStore
{
    /// <summary>Notices with a sequence above <paramref name="afterSequence"/>.</summary>
    Task<IReadOnlyList<OutcomeNoticeRecord>> Load(string client, long afterSequence, CancellationToken cancellationToken = default);

    Task Write(string client, IReadOnlyList<OutcomeNoticeRecord> notices, CancellationToken cancellationToken = default);

    /// <summary>Removes notices up to and including <paramref name="sequence"/>; best effort (notices at or below the acknowledged sequence are never read again).</summary>
    Task DeleteThrough(string client, long sequence, CancellationToken cancellationToken = default);
}

/// <summary>Stored acknowledgement of a client's outbox.</summary>
[GenerateSerializer, Alias("safety.OutboxState")]
public sealed class OutboxState
{
    [Id(0)] public long Acknowledged { get; set; }
}

/// <summary>
/// A submitting client's outcomes, numbered in the order they became durable, kept until
/// acknowledged. Publishes are group-committed; readers see a notice only once it is durable.
/// </summary>
[Reentrant]
public sealed class OutcomeOutboxGrain(
    [PersistentState("outbox", StorageNames.Roster)] IPersistentState<OutboxState> state,
    IOutcomeStore store,
    TimeProvider time) : Grain, IOutcomeOutboxGrain
{
    private const int MaxPerRead = 100;
    private readonly SortedDictionary<long, OutcomeNoticeRecord> _written = [];
    private readonly Dictionary<long, OutcomeNoticeRecord> _staged = [];
    private readonly Dictionary<string, long> _byItem = new(StringComparer.Ordinal);
    private readonly ChangeSignal _arrived = new();
    private readonly OneAtATime _acknowledgements = new();
    private GroupCommit<string>? _commit;
    private long _next;
    private long _highestWritten;

    private string Client => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _commit = new GroupCommit<string>(k => k, WriteStaged);
        foreach (var notice in await store.Load(Client, state.State.Acknowledged, cancellationToken))
        {
            _written[notice.Sequence] = notice;
            _byItem[Key(notice.Item)] = notice.Sequence;
            _highestWritten = Math.Max(_highestWritten, notice.Sequence);
        }

        _next = Math.Max(state.State.Acknowledged, _highestWritten) + 1;
    }

    public async Task Publish(ImmutableArray<WorkItemView> items)
    {
        if (_commit!.Failure is { } failure)
        {
            // Memory may hold notices storage does not: start again from storage.
            DeactivateOnIdle();
            throw new OrleansException($"the outbox of {Client} lost a write to storage and is reloading; retry", failure);
        }

        var writes = new List<Task>();
        foreach (var item in items)
        {
            if (!_byItem.TryGetValue(Key(item), out var sequence))
            {
                sequence = _next++;
                _byItem[Key(item)] = sequence;
                _staged[sequence] = new OutcomeNoticeRecord(sequence, item with { History = [] });
            }

            if (_staged.ContainsKey(sequence))
            {
                writes.Add(_commit!.Mark(sequence.ToString(CultureInfo.InvariantCulture)));
            }
        }

        await Task.WhenAll(writes);
    }

    public async Task<ImmutableArray<OutcomeNoticeRecord>> Next(long afterSequence, TimeSpan maxWait)
    {
        var from = Math.Max(afterSequence, state.State.Acknowledged);
        var ready = Ready(from);
        if (ready.IsEmpty)
        {
            await _arrived.Wait(maxWait, time);
            ready = Ready(Math.Max(afterSequence, state.State.Acknowledged));
        }

        return ready;
    }

    // One acknowledgement at a time: each writes the outbox's state.
    public Task<long> Acknowledge(long sequence) => _acknowledgements.Run(() => AcknowledgeNow(sequence));

    private async Task<long> AcknowledgeNow(long sequence)
    {
        var upTo = Math.Min(sequence, Math.Max(_highestWritten, state.State.Acknowledged));
        if (upTo <= state.State.Acknowledged)
        {
            return state.State.Acknowledged;
        }

        await StateWrites.Commit(state, this, () => state.State.Acknowledged = upTo);
        var done = _written.Keys.TakeWhile(s => s <= upTo).ToList();
        foreach (var s in done)
        {
            _byItem.Remove(Key(_written[s].Item));
            _written.Remove(s);
        }

        store.DeleteThrough(Client, upTo).Ignore();
        return upTo;
    }

    /// <summary>
    /// Up to a page of written notices after <paramref name="after"/>, looked up by sequence
    /// rather than scanned, so a client that leaves a long backlog unacknowledged still reads
    /// each page in time proportional to the page. Written sequences follow each other without
    /// gaps (a failed write stops all later ones), so this looks at little more than a page.
    /// </summary>
    private ImmutableArray<OutcomeNoticeRecord> Ready(long after)
    {
        var ready = ImmutableArray.CreateBuilder<OutcomeNoticeRecord>();
        for (var sequence = after + 1; sequence <= _highestWritten && ready.Count < MaxPerRead; sequence++)
        {
            if (_written.TryGetValue(sequence, out var notice))
            {
                ready.Add(notice);
            }
        }

        return ready.ToImmutable();
    }

    /// <summary>Writes the staged notices, then makes them visible to readers and wakes them.</summary>
    private async Task WriteStaged(IReadOnlyCollection<string> keys)
    {
        var notices = keys.Select(k => _staged[long.Parse(k, CultureInfo.InvariantCulture)]).OrderBy(n => n.Sequence).ToList();
        var client = Client;
        await Task.Run(() => store.Write(client, notices));
        foreach (var notice in notices)
        {
            _staged.Remove(notice.Sequence);
            _written[notice.Sequence] = notice;
            _highestWritten = Math.Max(_highestWritten, notice.Sequence);
        }

        _arrived.Fire();
    }

    private static string Key(WorkItemView item) => item.QueueId + "/" + item.ItemId;
}
