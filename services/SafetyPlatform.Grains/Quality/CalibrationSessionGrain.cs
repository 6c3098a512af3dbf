using System.Collections.Immutable;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Domain.Quality;
using SafetyPlatform.Domain.Work;
using SafetyPlatform.Grains.Abstractions.Quality;
using SafetyPlatform.Grains.Abstractions.Work;
using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Grains.Quality;

/// <summary>Keeps one calibration session: checks its items with their queues, asks the domain, writes, answers.</summary>
public sealed class CalibrationSessionGrain(
    [PersistentState("calibration", StorageNames.Roster)] IPersistentState<CalibrationSessionState> state,
    TimeProvider time) : Grain, ICalibrationSessionGrain
{
    private string Name => "calibrationSessions/" + this.GetPrimaryKeyString();

    private CalibrationSession Session => new(
        state.State.Auditors,
        [.. state.State.Items.Zip(state.State.Decisions)],
        state.State.Verdicts.Select(v => (v.Item, v.Auditor, v.Verdict)));

    public async Task<CalibrationSessionView> Create(string displayName, ImmutableArray<string> auditors, ImmutableArray<string> items, string requestId)
    {
        if (state.State.Created)
        {
            return requestId.Length > 0 && requestId == state.State.RequestId
                ? View()
                : throw SafetyException.AlreadyExists($"{Name} exists already");
        }

        var decisions = await Task.WhenAll(items.Select(DecisionOf));
        await StateWrites.Commit(state, this, () =>
        {
            state.State.Created = true;
            state.State.DisplayName = displayName;
            state.State.Auditors = [.. auditors];
            state.State.Items = [.. items];
            state.State.Decisions = [.. decisions];
            state.State.CreatedAt = time.GetUtcNow();
            state.State.RequestId = requestId;
        });
        return View();
    }

    public Task<CalibrationSessionView> Get() => Task.FromResult(Existing());

    public async Task<CalibrationSessionView> Submit(string item, AuditSubmission verdict)
    {
        Existing();
        var refusal = Session.Record(item, verdict.Auditor, verdict.Verdict);
        if (refusal != CalibrationRefusal.None)
        {
            throw refusal switch
            {
                CalibrationRefusal.NotAnAuditor => SafetyException.PermissionDenied($"{verdict.Auditor} is not an auditor of {Name}"),
                CalibrationRefusal.NotAnItem => SafetyException.FailedPrecondition($"{item} is not one of the items of {Name}"),
                _ => SafetyException.AlreadyExists($"{verdict.Auditor} gave a verdict on {item} in {Name} already"),
            };
        }

        await StateWrites.Commit(state, this, () => state.State.Verdicts.Add(new StoredCalibrationVerdict
        {
            Item = item,
            Auditor = verdict.Auditor,
            Agrees = verdict.Agrees,
            CorrectedDecision = verdict.CorrectedDecision,
            Score = verdict.Score,
            ErrorCategory = verdict.ErrorCategory,
            Notes = verdict.Notes,
        }));
        return View();
    }

    /// <summary>The decision a session's item audits: it must exist (NotFound) and be completed.</summary>
    private async Task<string> DecisionOf(string item)
    {
        var name = WorkItemName.TryParse(item, out var parsed) ? parsed : throw new ArgumentException($"'{item}' is not a work item's name", nameof(item));
        return await CompletedWork.OutcomeOf(GrainFactory, name) is { } outcome
            ? outcome.Decision
            : throw SafetyException.FailedPrecondition($"{item} is not completed; a calibration audits completed work");
    }

    private CalibrationSessionView Existing() => state.State.Created ? View() : throw SafetyException.NotFound(Name);

    private CalibrationSessionView View()
    {
        var session = Session;
        return new CalibrationSessionView(
            this.GetPrimaryKeyString(),
            state.State.DisplayName,
            [.. state.State.Auditors],
            [.. session.Items.Select(i => new CalibrationItemView(i.Item, i.Decision,
                [.. session.Auditors.Where(a => session.VerdictOf(i.Item, a) is not null).Select(a => Submission(a, session.VerdictOf(i.Item, a)!))]))],
            session.Results(),
            state.State.CreatedAt);
    }

    private static AuditSubmission Submission(string auditor, AuditVerdict verdict) =>
        new(auditor, verdict.Agrees, verdict.CorrectedDecision, verdict.Score, verdict.ErrorCategory, verdict.Notes, string.Empty);
}
