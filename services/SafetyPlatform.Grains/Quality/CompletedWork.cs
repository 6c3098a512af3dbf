using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Domain.Work;
using SafetyPlatform.Grains.Abstractions.Work;

namespace SafetyPlatform.Grains.Quality;

/// <summary>What quality assurance asks of an item's queue: the outcome it was completed with.</summary>
internal static class CompletedWork
{
    /// <summary>The item's outcome; null while it is not completed. NOT_FOUND for an unknown item.</summary>
    public static async Task<WorkOutcome?> OutcomeOf(IGrainFactory grains, WorkItemName item) =>
        await grains.GetGrain<IQueueGrain>(item.QueueId).GetItem(item.ItemId) is { Status: WorkItemStatus.Completed, Outcome: { } outcome }
            ? outcome
            : null;
}
