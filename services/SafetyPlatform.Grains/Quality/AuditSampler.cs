using Microsoft.Extensions.Logging;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Domain.Quality;
using SafetyPlatform.Domain.Work;
using SafetyPlatform.Grains.Abstractions.Monitoring;
using SafetyPlatform.Grains.Abstractions.Roster;
using SafetyPlatform.Grains.Abstractions.Work;
using SafetyPlatform.Grains.Monitoring;
using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Grains.Quality;

/// <summary>
/// Applies a queue's audit sampling rule to each durable completion the outcome hand-over gives
/// it, in the background: a completion sampled is never held back from its client. Only a
/// completion the rule might choose waits here (most pass at once, and all do without a rule).
/// The hand-over's watermark stops below the first waiting, so after a restart it is sampled again;
/// the audit work's request id makes the second enqueue the first. Reads the specialist's record
/// only when their record can change the choice. A failure that may pass is tried again with
/// each sweep, at most <see cref="MaxAttempts"/> times, then the audit is skipped and logged.
/// </summary>
internal sealed partial class AuditSampler(string queueId, Func<AuditSampling?> rule, IGrainFactory grains, TimeProvider time, ILogger logger)
{
    private const int MaxAttempts = 30;

    private readonly SortedDictionary<long, WorkItem> _pending = [];
    private readonly Dictionary<long, int> _attempts = [];
    private BackgroundPasses? _passes;

    /// <summary>The first completion still waiting to be sampled; null when none waits.</summary>
    public long? FirstPending => _pending.Count > 0 ? _pending.First().Key : null;

    /// <summary>A durable completion: it waits to be sampled when the queue's rule might choose it.</summary>
    public void Add(WorkItem completed)
    {
        if (completed.Submission.HasClientOutbox && rule() is { } sampling && sampling.MightPick(Name(completed)))
        {
            _pending[completed.CompletionSequence] = completed;
        }
    }

    /// <summary>Samples what waits, one pass at a time.</summary>
    public void SampleInBackground() => (_passes ??= new BackgroundPasses(() => _pending.Count > 0, SamplePending)).Kick();

    /// <summary>One pass over what waits; false when something must wait for the next sweep.</summary>
    private async Task<bool> SamplePending()
    {
        var results = await Task.WhenAll(_pending.Values.ToList().Select(async item => (item.CompletionSequence, Done: await Sample(item))));
        foreach (var (sequence, _) in results.Where(r => r.Done))
        {
            _pending.Remove(sequence);
            _attempts.Remove(sequence);
        }

        return results.All(r => r.Done);
    }

    private string Name(WorkItem completed) => new WorkItemName(queueId, completed.ItemId).ToString();

    /// <summary>Samples <paramref name="completed"/>; false when it must be tried again.</summary>
    private async Task<bool> Sample(WorkItem completed)
    {
        var itemName = Name(completed);
        if (rule() is not { } sampling || !sampling.MightPick(itemName))
        {
            // The rule was removed or changed since: nothing to choose now.
            return true;
        }

        try
        {
            if (sampling.PicksWhoever(itemName) || sampling.Picks(itemName, await Record(completed.Outcome!.SpecialistId)))
            {
                await grains.GetGrain<IQueueGrain>(sampling.AuditQueueId).Enqueue(AuditSampling.AuditWork(itemName, completed));
            }

            return true;
        }
        catch (SafetyException e) when (e.Kind is not (SafetyErrorKind.Aborted or SafetyErrorKind.ResourceExhausted))
        {
            // Refused for good (the audit queue does not take the item's language, say): retrying
            // would not change it.
            LogAuditRefused(logger, queueId, itemName, sampling.AuditQueueId, e.Message);
            return true;
        }
        catch (Exception e)
        {
            var attempts = _attempts[completed.CompletionSequence] = _attempts.GetValueOrDefault(completed.CompletionSequence) + 1;
            if (attempts >= MaxAttempts)
            {
                LogAuditAbandoned(logger, queueId, itemName, attempts, e.Message);
                return true;
            }

            LogAuditFailed(logger, queueId, itemName, e.Message);
            return false;
        }
    }

    /// <summary>How long the specialist has been with us, and their audits of the window (closed days and today).</summary>
    private async Task<AuditeeRecord> Record(string specialistId)
    {
        var now = time.GetUtcNow();
        var specialist = await grains.GetGrain<ISpecialistGrain>(specialistId).Get();
        var today = TeamTimeZone.LocalDay(await TeamClock.Of(grains, specialist.TeamId), now);
        var days = await OwnerDays.Read(grains, new SpecialistName(specialistId).ToString(), specialist.TeamId, today.AddDays(1 - AuditSampling.AccuracyWindowDays), today, today);
        return new AuditeeRecord(now - specialist.CreateTime, QualityTally.Sum(days.Select(d => d.Quality)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {QueueId}: audit of {Item} refused by queues/{AuditQueue}, skipped: {Reason}")]
    private static partial void LogAuditRefused(ILogger logger, string queueId, string item, string auditQueue, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {QueueId}: sampling {Item} for audit failed, will retry: {Reason}")]
    private static partial void LogAuditFailed(ILogger logger, string queueId, string item, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue {QueueId}: sampling {Item} for audit failed {Attempts} times, skipped: {Reason}")]
    private static partial void LogAuditAbandoned(ILogger logger, string queueId, string item, int attempts, string reason);
}
