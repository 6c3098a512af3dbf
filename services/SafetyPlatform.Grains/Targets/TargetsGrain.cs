using System.Collections.Immutable;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Domain.Targets;
using SafetyPlatform.Grains.Abstractions.Monitoring;
using SafetyPlatform.Grains.Abstractions.Roster;
using SafetyPlatform.Grains.Abstractions.Targets;
using SafetyPlatform.Grains.Abstractions.Work;
using SafetyPlatform.Grains.Monitoring;
using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Grains.Targets;

/// <summary>
/// Keeps one specialist's or team's targets: gathers the days of a period (closed days from the
/// history, today from the desks), asks the domain how each stands, and alerts a missed one once.
/// </summary>
public sealed class TargetsGrain(
    [PersistentState("targets", StorageNames.Roster)] IPersistentState<TargetsState> state,
    TimeProvider time) : Grain, ITargetsGrain, IRemindable
{
    private const string EndReminder = "targets-ended";

    private string Owner => this.GetPrimaryKeyString();

    public async Task<TargetView> Create(Target target, string requestId)
    {
        var (teamId, zone) = await Team();
        if (state.State.Targets.Find(t => t.TargetId == target.TargetId) is { } existing)
        {
            return requestId.Length > 0 && existing.RequestId == requestId
                ? await View(existing, teamId, zone)
                : throw SafetyException.AlreadyExists($"{Owner}/targets/{target.TargetId} exists already");
        }

        var stored = StoredTarget.Of(target, requestId, time.GetUtcNow());
        await StateWrites.Commit(state, this, () => state.State.Targets.Add(stored));
        await this.RegisterOrUpdateReminder(EndReminder, TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        return await View(stored, teamId, zone);
    }

    public async Task<TargetView> Get(string targetId)
    {
        var (teamId, zone) = await Team();
        return await View(Find(targetId), teamId, zone);
    }

    public async Task<ImmutableArray<TargetView>> List()
    {
        var (teamId, zone) = await Team();
        var targets = state.State.Targets.OrderBy(t => t.TargetId, StringComparer.Ordinal).ToList();
        if (targets.Count == 0)
        {
            return [];
        }

        // One read of the days for them all: each target counts only the days of its period.
        var today = TeamTimeZone.LocalDay(zone, time.GetUtcNow());
        var days = await OwnerDays.Read(GrainFactory, Owner, teamId, targets.Min(t => t.Target.From), targets.Max(t => t.Target.To), today);
        return [.. targets.Select(t => TargetView.Of(Owner, TargetAttainment.Of(t.Target, days, today), t.CreatedAt))];
    }

    public async Task Delete(string targetId)
    {
        var target = Find(targetId);
        await StateWrites.Commit(state, this, () => state.State.Targets.Remove(target));
    }

    public async Task<int> CheckEnded()
    {
        var (teamId, zone) = await Team();
        var today = TeamTimeZone.LocalDay(zone, time.GetUtcNow());
        var ended = state.State.Targets.Where(t => !t.EndChecked && t.Target.HasEnded(today)).ToList();
        var alerted = 0;
        foreach (var target in ended)
        {
            var attainment = TargetAttainment.Of(target.Target, await OwnerDays.Read(GrainFactory, Owner, teamId, target.Target.From, target.Target.To, today), today);
            if (attainment.MissedAlert($"{Owner}/targets/{target.TargetId}") is { } missed)
            {
                await GrainFactory.GetGrain<IAlertFeedGrain>(teamId).Report(missed.Subject, [missed]);
                alerted++;
            }

            await StateWrites.Commit(state, this, () => target.EndChecked = true);
        }

        // Nothing left to look at: the hourly reminder stops until a new target is set.
        if (state.State.Targets.All(t => t.EndChecked) && await this.GetReminder(EndReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        return alerted;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        try
        {
            await CheckEnded();
        }
        catch (SafetyException e) when (e.Kind == SafetyErrorKind.NotFound)
        {
            // The owner is gone: nothing to alert about any more, so stop looking.
            if (await this.GetReminder(EndReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
    }

    private StoredTarget Find(string targetId) =>
        state.State.Targets.Find(t => t.TargetId == targetId) ?? throw SafetyException.NotFound($"{Owner}/targets/{targetId}");

    private async Task<TargetView> View(StoredTarget stored, string teamId, TimeZoneInfo zone)
    {
        var today = TeamTimeZone.LocalDay(zone, time.GetUtcNow());
        var days = await OwnerDays.Read(GrainFactory, Owner, teamId, stored.Target.From, stored.Target.To, today);
        return TargetView.Of(Owner, TargetAttainment.Of(stored.Target, days, today), stored.CreatedAt);
    }

    /// <summary>The owner's team and its clock; NotFound for an owner that does not exist.</summary>
    private async Task<(string TeamId, TimeZoneInfo Zone)> Team() =>
        SpecialistName.TryParse(Owner, out var specialist) ? await TeamClock.OfSpecialist(GrainFactory, specialist.SpecialistId)
        : TeamName.TryParse(Owner, out var team) ? (team.TeamId, await TeamClock.Of(GrainFactory, team.TeamId))
        : throw new InvalidOperationException($"'{Owner}' owns no targets");
}
