using Microsoft.Extensions.Logging;
using SafetyPlatform.Domain.Work;
using SafetyPlatform.Grains.Quality;

namespace SafetyPlatform.Grains.Work;

/// <summary>
/// Hands a queue's durable outcomes to each submitting client's outbox (a transactional outbox),
/// each client's in the order they were decided, batched. The hand-over is not written per item:
/// the queue records, at most once a sweep, the completion sequence below which every outcome has
/// been handed over (docs/adr/0006), and recovery hands over again what lies above it. A client may
/// so see an outcome twice after a restart, never miss one. Each outcome is also put to the
/// queue's audit sampling (<see cref="AuditSampler"/>), beside the hand-over, never in its way:
/// the watermark stops below the first completion not yet sampled too, so sampling has the same
/// guarantee.
/// </summary>
internal sealed partial class OutcomeHandOver(string queueId, IGrainFactory grains, ILogger logger, Func<long, Task> recordHandedOverThrough, AuditSampler sampler)
{
    private const int BatchSize = 500;

    // Sequences not yet handed over, from the moment they are given out: the watermark never passes one.
    private readonly SortedSet<long> _notHandedOver = [];
    // Durable outcomes ready to go, by completion sequence.
    private readonly SortedDictionary<long, WorkItem> _ready = [];
    private long _lastSequence;
    private long _recordedThrough;
    private bool _recording;
    private BackgroundPasses? _publishing;

    /// <summary>Every outcome up to this completion sequence has reached its client's outbox, and been sampled.</summary>
    public long HandedOverThrough => Math.Min(
        _notHandedOver.Count > 0 ? _notHandedOver.Min - 1 : _lastSequence,
        sampler.FirstPending is { } pending ? pending - 1 : long.MaxValue);

    /// <summary>After a restart: what was recorded as handed over, and the completed items read back.</summary>
    public void Recover(long recordedThrough, IEnumerable<WorkItem> completed)
    {
        _recordedThrough = recordedThrough;
        _lastSequence = recordedThrough;
        foreach (var item in completed)
        {
            _lastSequence = Math.Max(_lastSequence, item.CompletionSequence);
            if (item.CompletionSequence > recordedThrough && item.Submission.HasClientOutbox)
            {
                _notHandedOver.Add(item.CompletionSequence);
                _ready[item.CompletionSequence] = item;
                sampler.Add(item);
            }
        }
    }

    /// <summary>The sequence the next completion will take.</summary>
    public long NextSequence => _lastSequence + 1;

    /// <summary>A completion took <see cref="NextSequence"/>: it holds the watermark back until its outcome is handed over.</summary>
    public void Taken(WorkItem completed)
    {
        _lastSequence = Math.Max(_lastSequence, completed.CompletionSequence);
        _notHandedOver.Add(completed.CompletionSequence);
    }

    /// <summary>A completion is durable: hand it over in the background, after those decided before it.</summary>
    public void Durable(WorkItem completed)
    {
        if (!completed.Submission.HasClientOutbox)
        {
            // A golden item's outcome is the QA lead's, audit work's the platform's: never a client's, never sampled.
            _notHandedOver.Remove(completed.CompletionSequence);
            return;
        }

        _ready[completed.CompletionSequence] = completed;
        sampler.Add(completed);
        PublishInOrder();
    }

    /// <summary>Hands over everything ready; false when a publish failed (the rest waits for the next sweep).</summary>
    public async Task<bool> PublishReady()
    {
        var byClient = _ready.Values.GroupBy(i => i.Submission.Client).ToList();
        var published = await Task.WhenAll(byClient.Select(async client =>
        {
            foreach (var batch in client.Chunk(BatchSize))
            {
                try
                {
                    await grains.Reference<IOutcomeOutboxGrain>(client.Key).Publish([.. batch.Select(i => i.View(queueId))]);
                }
                catch (Exception e)
                {
                    LogHandOverFailed(logger, queueId, batch.Length, client.Key, e.Message);
                    return false;
                }

                foreach (var item in batch)
                {
                    _ready.Remove(item.CompletionSequence);
                    _notHandedOver.Remove(item.CompletionSequence);
                }
            }

            return true;
        }));
        return published.All(ok => ok);
    }

    /// <summary>Records the watermark when it has moved; a failure only costs outcomes sent again after a restart.</summary>
    public async Task RecordProgress()
    {
        var through = HandedOverThrough;
        if (through <= _recordedThrough || _recording)
        {
            return;
        }

        _recording = true;
        try
        {
            await recordHandedOverThrough(through);
            _recordedThrough = Math.Max(_recordedThrough, through);
        }
        catch (Exception e)
        {
            LogRecordFailed(logger, queueId, through, e.Message);
        }
        finally
        {
            _recording = false;
        }
    }

    /// <summary>
    /// One pass at a time, so a client's outcomes reach its outbox (and get their sequence there)
    /// in decision order; audit sampling runs beside it.
    /// </summary>
    public void PublishInOrder()
    {
        sampler.SampleInBackground();
        (_publishing ??= new BackgroundPasses(() => _ready.Count > 0, PublishReady)).Kick();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {QueueId}: handing {Count} outcomes to {Client} failed, will retry: {Reason}")]
    private static partial void LogHandOverFailed(ILogger logger, string queueId, int count, string client, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {QueueId}: recording outcomes handed over through {Sequence} failed, will retry: {Reason}")]
    private static partial void LogRecordFailed(ILogger logger, string queueId, long sequence, string reason);
}
