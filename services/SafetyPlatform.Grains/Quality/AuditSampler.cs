using Microsoft.Extensions.Logging;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Domain.Quality;
using SafetyPlatform.Domain.Work;
using SafetyPlatform.Grains.Abstractions.Monitoring;
using SafetyPlatform.Grains.Abstractions.Roster;
using SafetyPlatform.Grains.Abstractions.Work;
using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Grains.Quality;

/// <summary>
/// Applies a queue's audit sampling rule to each durable completion, during the outcome
/// hand-over (so a completion is sampled exactly as surely as its outcome is handed over, and
/// again after a restart: the audit work's request id makes the second enqueue the first).
/// Reads the specialist's record only when their record can change the choice.
/// </summary>
internal sealed partial class AuditSampler(string queueId, Func<AuditSampling?> rule, IGrainFactory grains, TimeProvider time, ILogger logger)
{
    /// <summary>Samples <paramref name="completed"/>; false when it must be tried again (a failure that may pass).</summary>
    public async Task<bool> Sample(WorkItem completed)
    {
        var itemName = new WorkItemName(queueId, completed.ItemId).ToString();
        if (rule() is not { } sampling || !completed.Submission.HasClientOutbox || !sampling.MightPick(itemName))
        {
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
        catch (SafetyException e) when (e.Kind is not SafetyErrorKind.Aborted)
        {
            // The audit queue refuses for good (gone, full, or the specialist is gone): holding the
            // outcomes back would not change that, so the audit is skipped and said.
            LogAuditRefused(logger, queueId, itemName, sampling.AuditQueueId, e.Message);
            return true;
        }
        catch (Exception e)
        {
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
        var closed = await grains.GetGrain<ISpecialistHistoryGrain>(specialistId).Read(today.AddDays(1 - AuditSampling.AccuracyWindowDays), today, AuditSampling.AccuracyWindowDays);
        var sofar = (await grains.GetGrain<ISpecialistDeskGrain>(specialistId).Stats()).Today;
        return new AuditeeRecord(now - specialist.CreateTime, QualityTally.Sum(closed.Days.Select(d => d.Quality).Append(sofar.Quality)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {QueueId}: audit of {Item} refused by queues/{AuditQueue}, skipped: {Reason}")]
    private static partial void LogAuditRefused(ILogger logger, string queueId, string item, string auditQueue, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {QueueId}: sampling {Item} for audit failed, will retry: {Reason}")]
    private static partial void LogAuditFailed(ILogger logger, string queueId, string item, string reason);
}
