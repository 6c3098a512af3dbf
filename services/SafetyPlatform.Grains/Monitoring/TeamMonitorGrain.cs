using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Grains.Roster;

namespace SafetyPlatform.Grains.Monitoring;

/// <summary>
/// A team's live picture, kept where it is read: each member's day as their desk last reported
/// it (desks report on every change of state), each served queue's staffing as the queue last
/// reported it (queues report when their numbers change, at most once a second), and the team's
/// profile, members and served queues as read at most <see cref="RefreshEvery"/> ago. A read
/// asks nobody. Holds nothing durable: after a restart it asks every member and queue once, and
/// every member again every <see cref="AskEveryMember"/>, in case a report was lost. Its picture
/// goes on to its organisation shard when it changes, at most every <see cref="ReportEvery"/>
/// (team → organisation).
/// </summary>
public sealed class TeamMonitorGrain(TimeProvider time) : Grain, ITeamMonitorGrain
{
    /// <summary>How stale the team's profile, member list and served queues may be.</summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(10);

    /// <summary>A queue not heard from for this long is asked (its numbers did not change, or a report was lost).</summary>
    public static readonly TimeSpan AskQueueAfter = TimeSpan.FromSeconds(30);

    /// <summary>How often every member's day is asked for anyway.</summary>
    public static readonly TimeSpan AskEveryMember = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, SpecialistDayRecord> _days = [];
    private TeamProfile? _profile;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private readonly Dictionary<string, (QueueStaffing Staffing, DateTimeOffset HeardAt)> _queues = [];
    private DateTimeOffset _refreshed;
    private DateTimeOffset _askedEveryone;
    private readonly ChangeSignal _changed = new();
    private long _version;
    private IGrainTimer? _report;
    private DateTimeOffset _reportedAt = DateTimeOffset.MinValue;

    /// <summary>A team's changes reach the organisation's totals at most this often (those in between go in the next report).</summary>
    public static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(1);

    private string Id => this.GetPrimaryKeyString();

    public async Task<TeamStats> GetStats()
    {
        var profile = await Refresh();
        return TeamStats.FromDays(Id, profile.Site, profile.Vendor, _zone, time.GetUtcNow(), _days.Values, _queues.Values.Select(q => q.Staffing));
    }

    public async Task<TeamStatsReading> WatchStats(long knownVersion, TimeSpan maxWait)
    {
        if (_version == knownVersion)
        {
            await _changed.Wait(maxWait, time);
        }

        var version = _version;
        return new TeamStatsReading(await GetStats(), version);
    }

    public Task QueueChanged(QueueStaffing staffing)
    {
        // A queue not known to be served may have just started to be: read the team afresh and report.
        if (!_queues.ContainsKey(staffing.QueueId) && _profile is not null)
        {
            _refreshed = DateTimeOffset.MinValue;
            ScheduleReport();
            return Task.CompletedTask;
        }

        var changed = !_queues.TryGetValue(staffing.QueueId, out var heard) || heard.Staffing != staffing;
        _queues[staffing.QueueId] = (staffing, time.GetUtcNow());
        if (changed)
        {
            Changed();
        }

        return Task.CompletedTask;
    }

    public Task MemberChanged(string specialistId, SpecialistDayRecord day)
    {
        if (Keep(specialistId, day))
        {
            Changed();
        }

        return Task.CompletedTask;
    }

    public Task MemberLeft(string specialistId)
    {
        if (_days.Remove(specialistId))
        {
            Changed();
        }

        return Task.CompletedTask;
    }

    public Task Report()
    {
        _refreshed = DateTimeOffset.MinValue;
        ScheduleReport();
        return Task.CompletedTask;
    }

    private void Changed()
    {
        _version++;
        _changed.Fire();
        ScheduleReport();
    }

    private void ScheduleReport()
    {
        if (_report is null)
        {
            var wait = ReportEvery - (time.GetUtcNow() - _reportedAt);
            _report = this.RegisterGrainTimer(ReportToOrganisation, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task ReportToOrganisation(CancellationToken cancel)
    {
        _report?.Dispose();
        _report = null;
        _reportedAt = time.GetUtcNow();
        try
        {
            var stats = await GetStats();
            GrainFactory.GetGrain<IOrganisationShardGrain>(IOrganisationShardGrain.For(Id)).Report(stats).Ignore();
        }
        catch (SafetyException)
        {
            // An unknown team: nothing to report.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The roster or a shard briefly away: try again (no sooner than ReportEvery), so a quiet team's change is not lost.
            ScheduleReport();
        }
    }

    /// <summary>Keeps a member's day; whether it was news (a report and an answer to our own question may cross: the later day wins).</summary>
    private bool Keep(string specialistId, SpecialistDayRecord day)
    {
        if (_days.TryGetValue(specialistId, out var kept) && kept.IsLaterThan(day))
        {
            return false;
        }

        _days[specialistId] = day;
        return true;
    }

    /// <summary>Reads the team again when its copy is stale: members who joined are asked for their day, those who left dropped.</summary>
    private async Task<TeamProfile> Refresh()
    {
        var now = time.GetUtcNow();
        if (_profile is { } fresh && now - _refreshed < RefreshEvery)
        {
            return fresh;
        }

        var team = GrainFactory.Reference<ITeamGrain>(Id);
        var profile = (await team.Get()).Profile;
        var routes = await GrainFactory.Reference<IQueueDirectoryGrain>(IQueueDirectoryGrain.AllQueues).ServedBy(Id);
        var members = await TeamMembers.ActiveIds(team);
        var askEveryone = now - _askedEveryone >= AskEveryMember;
        var ask = askEveryone ? members : [.. members.Where(m => !_days.ContainsKey(m))];
        var days = await Task.WhenAll(ask.Select(m => GrainFactory.Reference<ISpecialistDeskGrain>(m).Today()));
        foreach (var (member, day) in ask.Zip(days))
        {
            if (day is not null)
            {
                Keep(member, day);
            }
        }

        var left = _days.Keys.Except(members).ToList();
        foreach (var gone in left)
        {
            _days.Remove(gone);
        }

        if (_profile is { } known && (known.Site, known.Vendor, known.TimeZone) != (profile.Site, profile.Vendor, profile.TimeZone))
        {
            Changed();
        }

        _profile = profile;
        _zone = TeamTimeZone.Find(profile.TimeZone);
        var served = routes.Select(r => r.QueueId).ToHashSet();
        var dropped = _queues.Keys.Where(q => !served.Contains(q)).ToList();
        foreach (var queue in dropped)
        {
            _queues.Remove(queue);
        }

        // Members who joined or left, queues dropped or new: the team's picture changed by itself.
        if (_profile is not null && (left.Count > 0 || ask.Count > 0 && !askEveryone || dropped.Count > 0 || served.Any(q => !_queues.ContainsKey(q))))
        {
            Changed();
        }

        var unheard = served.Where(q => !_queues.TryGetValue(q, out var heard) || now - heard.HeardAt >= AskQueueAfter).ToList();
        await Task.WhenAll(unheard.Select(AskQueue));

        _refreshed = now;
        _askedEveryone = askEveryone ? now : _askedEveryone;
        return profile;
    }

    /// <summary>Asks a queue for its numbers; one that cannot answer now keeps its last line (or none) until the next refresh.</summary>
    private async Task AskQueue(string queueId)
    {
        try
        {
            var stats = await GrainFactory.Reference<IQueueGrain>(queueId).GetStats(QueueLoad.DefaultAtRiskWithin);
            _queues[queueId] = (stats.Staffing(), time.GetUtcNow());
        }
        catch (Exception e) when (e is not SafetyException)
        {
            // Storage or a silo briefly away: the team's other numbers are still worth answering with.
        }
    }
}
