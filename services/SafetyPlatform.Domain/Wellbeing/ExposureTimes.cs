using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>When an item's exposure began and ended, read from its history, so that the ledger agrees with a recount from the items.</summary>
public static class ExposureTimes
{
    /// <summary>When it was last accepted (went to HANDLING); null when it never was.</summary>
    public static DateTimeOffset? Accepted(IEnumerable<WorkItemEvent> history) =>
        history.LastOrDefault(e => e.To == WorkItemStatus.Handling && e.From != WorkItemStatus.Handling)?.At;

    /// <summary>When it last left HANDLING (completed, released, escalated, transferred); null while it has not.</summary>
    public static DateTimeOffset? LeftHands(IEnumerable<WorkItemEvent> history) =>
        history.LastOrDefault(e => e.From == WorkItemStatus.Handling && e.To != WorkItemStatus.Handling)?.At;

    /// <summary>When it first left HANDLING after <paramref name="accepted"/>: the end of the handling that began then, not of a colleague's later one.</summary>
    public static DateTimeOffset? LeftHands(IEnumerable<WorkItemEvent> history, DateTimeOffset accepted) =>
        history.FirstOrDefault(e => e.At >= accepted && e.From == WorkItemStatus.Handling && e.To != WorkItemStatus.Handling)?.At;
}
