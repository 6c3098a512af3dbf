using System.Collections.Immutable;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Domain.Quality;
using SafetyPlatform.Domain.Work;
using SafetyPlatform.Grains.Abstractions.Quality;
using SafetyPlatform.Grains.Abstractions.Work;
using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Grains.Quality;

/// <summary>Keeps one item's audits: asks its queue whether and by whom it was completed, asks the domain, writes, counts, answers.</summary>
public sealed class ItemAuditsGrain(
    [PersistentState("audits", StorageNames.Roster)] IPersistentState<ItemAuditsState> state,
    TimeProvider time) : Grain, IItemAuditsGrain
{
    private WorkItemName Item => WorkItemName.TryParse(this.GetPrimaryKeyString(), out var name)
        ? name
        : throw new InvalidOperationException($"'{this.GetPrimaryKeyString()}' is not a work item's name");

    public async Task<AuditView> Submit(AuditSubmission submission)
    {
        var audits = new ItemAudits(state.State.Audits.Select(a => a.ToAudit()));
        // A repeat needs no look at the item: the auditor's earlier audit answers it.
        (string? CompletedBy, string Decision) item = audits.All.Any(a => a.Auditor == submission.Auditor) ? (null, state.State.Decision) : await CompletedBy();
        var (completedBy, decision) = item;
        var (audit, isNew, refusal) = audits.Submit(submission.Auditor, submission.Verdict, completedBy, submission.RequestId, time.GetUtcNow());
        if (refusal != AuditRefusal.None)
        {
            throw Refused(refusal, submission.Auditor);
        }

        if (isNew)
        {
            await StateWrites.Commit(state, this, () =>
            {
                state.State.Audits.Add(StoredAudit.From(audit!));
                state.State.Decision = decision;
            });
            var found = QualityTally.OfAudit(audit!.Verdict.Agrees, audit.Verdict.Score);
            var specialistId = SpecialistName.TryParse(audit.Specialist, out var specialist) ? specialist.SpecialistId : throw new InvalidOperationException(audit.Specialist);
            await Task.WhenAll(
                GrainFactory.GetGrain<IQueueGrain>(Item.QueueId).CountQuality(found),
                GrainFactory.GetGrain<ISpecialistDeskGrain>(specialistId).QualityFound(found));
        }

        return AuditView.Of(Item.QueueId, Item.ItemId, state.State.Decision, audit!);
    }

    public Task<ImmutableArray<AuditView>> List() =>
        Task.FromResult(state.State.Audits.Select(a => AuditView.Of(Item.QueueId, Item.ItemId, state.State.Decision, a.ToAudit())).ToImmutableArray());

    /// <summary>Who completed the item (`specialists/{id}`) and their decision; null while it is not completed. NotFound for an unknown item.</summary>
    private async Task<(string? CompletedBy, string Decision)> CompletedBy() =>
        await CompletedWork.OutcomeOf(GrainFactory, Item) is { } outcome
            ? (new SpecialistName(outcome.SpecialistId).ToString(), outcome.Decision)
            : (null, string.Empty);

    private SafetyException Refused(AuditRefusal refusal, string auditor) => refusal switch
    {
        AuditRefusal.NotCompleted => SafetyException.FailedPrecondition($"{Item} is not completed; only completed work is audited"),
        AuditRefusal.OwnWork => SafetyException.PermissionDenied($"{auditor} completed {Item}; nobody audits their own work"),
        _ => SafetyException.AlreadyExists($"{auditor} has audited {Item} already (one audit per auditor; repeat the request_id to get it back)"),
    };
}
