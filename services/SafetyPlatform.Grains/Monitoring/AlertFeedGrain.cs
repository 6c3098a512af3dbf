using System.Collections.Immutable;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Naming;

namespace SafetyPlatform.Grains.Monitoring;

/// <summary>
/// A team lead's alerts. The <see cref="AlertBook"/> decides; the grain stores the alerts when
/// one is raised, cleared or acknowledged (not when only its numbers move), and wakes watchers.
/// </summary>
public sealed class AlertFeedGrain(
    [PersistentState("alerts", StorageNames.Roster)] IPersistentState<AlertFeedState> state,
    TimeProvider time) : Grain, IAlertFeedGrain
{
    private readonly Guid _incarnation = Guid.NewGuid();
    private readonly ChangeSignal _changed = new();
    private readonly Dictionary<string, long> _changedIn = new(StringComparer.Ordinal);
    private AlertBook? _book;
    private long _version;
    private bool _teamKnown;

    private AlertBook Book => _book ??= new AlertBook(state.State.Alerts);

    private string TeamId => this.GetPrimaryKeyString();

    public async Task Report(string subject, ImmutableArray<AlertCondition> holding)
    {
        var before = Standing();
        var changed = Book.Report(subject, holding, time.GetUtcNow(), () => ResourceIds.NewId('a'));
        if (Standing() != before)
        {
            await Save();
        }

        Changed(changed);
    }

    public async Task<Alert> Acknowledge(string alertId, string by)
    {
        await EnsureTeam();
        var before = Standing();
        var alert = Book.Acknowledge(alertId, by, time.GetUtcNow()) ?? throw SafetyException.NotFound(new AlertName(TeamId, alertId).ToString());
        if (Standing() != before)
        {
            await Save();
            Changed([alert]);
        }

        return alert;
    }

    public async Task<AlertFeedChanges> Watch(Guid incarnation, long knownVersion, TimeSpan maxWait)
    {
        await EnsureTeam();
        if (incarnation != _incarnation)
        {
            return new AlertFeedChanges(_incarnation, _version, true, [.. Book.Alerts]);
        }

        if (_version <= knownVersion)
        {
            await _changed.Wait(maxWait, time);
        }

        return new AlertFeedChanges(_incarnation, _version, false,
            [.. Book.Alerts.Where(a => _changedIn.GetValueOrDefault(a.AlertId) > knownVersion)]);
    }

    /// <summary>Which alerts are kept, open and acknowledged: what must be durable (a number that moved need not be).</summary>
    private string Standing() => string.Join(',', Book.Alerts.Select(a => $"{a.AlertId}:{a.IsOpen}:{a.IsAcknowledged}"));

    private async Task Save()
    {
        var previous = state.State.Alerts;
        state.State.Alerts = [.. Book.Alerts];
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not durable, so not decided: back to what storage holds.
            state.State.Alerts = previous;
            _book = null;
            throw;
        }
    }

    private void Changed(IReadOnlyCollection<Alert> alerts)
    {
        if (alerts.Count == 0)
        {
            return;
        }

        _version++;
        foreach (var alert in alerts)
        {
            _changedIn[alert.AlertId] = _version;
        }

        _changed.Fire();
    }

    private async Task EnsureTeam()
    {
        if (!_teamKnown)
        {
            await GrainFactory.Reference<ITeamGrain>(TeamId).Get();
            // Queues check their conditions only while loaded: after a restart, a lead who opens
            // the feed wakes the team's queues, so that what still holds is reported again.
            foreach (var route in await GrainFactory.Reference<IQueueDirectoryGrain>(IQueueDirectoryGrain.AllQueues).ServedBy(TeamId))
            {
                GrainFactory.Reference<IQueueGrain>(route.QueueId).Get().Ignore();
            }

            _teamKnown = true;
        }
    }
}
