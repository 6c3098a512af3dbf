using SafetyPlatform.Domain.Work;
using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Storage;
using Orleans.TestingHost;
using SafetyPlatform.Grains;
using SafetyPlatform.Domain.Monitoring;
using SafetyPlatform.Grains.Monitoring;
using SafetyPlatform.Grains.Roster;
using SafetyPlatform.Grains.Work;
using SafetyPlatform.Grains.Wellbeing;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Grains.Tests;

/// <summary>One in-process Orleans cluster for all grain tests; state in memory (grain tests only).</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>Shared with the silo: tests move time forward explicitly.</summary>
    public static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    /// <summary>Short, because the grace's timer ticks in real time (its deadline is checked on <see cref="Time"/>).</summary>
    public static readonly TimeSpan IdleGrace = TimeSpan.FromMilliseconds(100);

    public TestCluster Cluster { get; } = new TestClusterBuilder { Options = { InitialSilosCount = 1 } }
        .AddSiloBuilderConfigurator<SiloSetup>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloSetup : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Roster,
                (sp, _) => ActivatorUtilities.CreateInstance<SwitchableGrainStorage>(sp));
            siloBuilder.Services.AddSingleton<TimeProvider>(Time);
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.Services.AddSingleton<ISpecialistStore, InMemorySpecialistStore>();
            siloBuilder.Services.AddSingleton<IWorkItemStore, InMemoryWorkItemStore>();
            siloBuilder.Services.AddSingleton<IOutcomeStore, InMemoryOutcomeStore>();
            siloBuilder.Services.AddSingleton<IQueueStatsStore, InMemoryQueueStatsStore>();
            siloBuilder.Services.AddSingleton<IQueueRouteStore, InMemoryQueueRouteStore>();
            siloBuilder.Services.AddSingleton<ISpecialistDayStore, InMemorySpecialistDayStore>();
            siloBuilder.Services.AddSingleton<IExposureStore, InMemoryExposureStore>();
            siloBuilder.Services.Configure<RoutingOptions>(o =>
            {
                o.ReservationSweep = TimeSpan.FromMilliseconds(50);
                o.IdleGrace = IdleGrace;
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

/// <summary>
/// Specialists in a dictionary, copied through the Orleans serializer (so a failed write leaves
/// the stored state untouched), with the same version check as table storage; writes of grains
/// listed in <see cref="SwitchableGrainStorage.FailingWrites"/> fail.
/// </summary>
public sealed class InMemorySpecialistStore(Orleans.Serialization.Serializer serializer) : ISpecialistStore
{
    private readonly ConcurrentDictionary<string, (byte[] State, string ETag, SortedDictionary<long, ActivityTransitionRecord> History)> _rows = new();

    public Task<(SpecialistState? State, string? ETag)> Load(string specialistId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_rows.TryGetValue(specialistId, out var row)
            ? (serializer.Deserialize<SpecialistState>(row.State), row.ETag)
            : ((SpecialistState?)null, (string?)null));

    public Task<string> Save(string specialistId, SpecialistState state, ActivityTransitionRecord? transition, string? etag, CancellationToken cancellationToken = default)
    {
        if (SwitchableGrainStorage.FailingWrites.ContainsKey(specialistId))
        {
            throw new IOException($"storage refused the write of specialist {specialistId} (test)");
        }

        lock (_rows)
        {
            var exists = _rows.TryGetValue(specialistId, out var row);
            if (exists ? row.ETag != etag : etag is not null)
            {
                throw new InvalidOperationException($"version conflict on specialist {specialistId}");
            }

            var history = exists ? new SortedDictionary<long, ActivityTransitionRecord>(row.History) : [];
            if (transition is not null)
            {
                history[transition.Sequence] = transition;
            }

            var newTag = Guid.NewGuid().ToString("N");
            _rows[specialistId] = (serializer.SerializeToArray(state), newTag, history);
            return Task.FromResult(newTag);
        }
    }

    public Task<IReadOnlyList<ActivityTransitionRecord>> ReadHistory(string specialistId, long afterSequence, long upToSequence, int max, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ActivityTransitionRecord> page = _rows.TryGetValue(specialistId, out var row)
            ? [.. row.History.Values.Where(r => r.Sequence > afterSequence && r.Sequence <= upToSequence).Take(max)]
            : [];
        return Task.FromResult(page);
    }
}

/// <summary>
/// Items kept in dictionaries per queue, as the table store keeps them: the latest copy per item
/// in each partition's journal (open items) or archive (finished), and closed partitions'
/// digests. Counts the writes so tests can see batching.
/// </summary>
public sealed class InMemoryWorkItemStore : IWorkItemStore
{
    private readonly ConcurrentDictionary<(string Queue, int Partition, bool Finished), ConcurrentDictionary<string, WorkItem>> _rows = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, PartitionDigest>> _digests = new();

    private static int _writes;

    public static int Writes => Volatile.Read(ref _writes);

    /// <summary>Small, so that grain tests fill and close partitions with a few dozen items.</summary>
    public int PartitionSize => 10;

    public int PartitionsPerGeneration => 2;

    private readonly ConcurrentDictionary<string, int> _loads = new();

    /// <summary>How many times a queue has been recovered from this store.</summary>
    public int Loads(string queueId) => _loads.GetValueOrDefault(queueId);

    public Task<QueueRecovery> Load(string queueId, int partitionCount, CancellationToken cancellationToken = default)
    {
        _loads.AddOrUpdate(queueId, 1, (_, n) => n + 1);
        var closed = _digests.TryGetValue(queueId, out var d) ? d.Values.ToList() : [];
        var open = Enumerable.Range(0, partitionCount).Where(p => closed.All(c => c.Partition != p)).ToList();
        var copies = open.SelectMany(p => Rows(queueId, p, false).Concat(Rows(queueId, p, true)))
            .GroupBy(i => i.ItemId).Select(g => g.MaxBy(i => (i.LastEvent, i.EscalationDelivered))!).ToList();
        var current = copies.ToDictionary(i => i.ItemId);
        var superseded = open.SelectMany(p => Rows(queueId, p, true)).Where(i => current[i.ItemId].Partition != i.Partition).ToList();
        return Task.FromResult(new QueueRecovery(copies, closed, [], superseded));
    }

    public async Task Write(string queueId, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        await Task.Yield();
        foreach (var item in items)
        {
            _rows.GetOrAdd((queueId, item.Partition, WorkItemLifecycle.IsFinished(item.Status)), _ => new())[item.ItemId] = item;
        }
    }

    public Task Close(string queueId, PartitionDigest digest, bool generationClosed, CancellationToken cancellationToken = default)
    {
        _digests.GetOrAdd(queueId, _ => new())[digest.Partition] = digest;
        _rows.TryRemove((queueId, digest.Partition, false), out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WorkItem>> ReadFinished(string queueId, int partition, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WorkItem>>([.. Rows(queueId, partition, true)]);

    /// <summary>Partitions of a queue closed so far.</summary>
    public int ClosedPartitions(string queueId) => _digests.TryGetValue(queueId, out var d) ? d.Count : 0;

    private IEnumerable<WorkItem> Rows(string queueId, int partition, bool finished) =>
        _rows.TryGetValue((queueId, partition, finished), out var rows) ? rows.Values : [];
}

/// <summary>Client outboxes in dictionaries.</summary>
public sealed class InMemoryOutcomeStore : IOutcomeStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<long, OutcomeNoticeRecord>> _clients = new();

    public Task<IReadOnlyList<OutcomeNoticeRecord>> Load(string client, long afterSequence, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<OutcomeNoticeRecord> rows = _clients.TryGetValue(client, out var found)
            ? [.. found.Values.Where(n => n.Sequence > afterSequence).OrderBy(n => n.Sequence)]
            : [];
        return Task.FromResult(rows);
    }

    public Task Write(string client, IReadOnlyList<OutcomeNoticeRecord> notices, CancellationToken cancellationToken = default)
    {
        var rows = _clients.GetOrAdd(client, _ => new());
        foreach (var notice in notices)
        {
            rows[notice.Sequence] = notice;
        }

        return Task.CompletedTask;
    }

    public Task DeleteThrough(string client, long sequence, CancellationToken cancellationToken = default)
    {
        if (_clients.TryGetValue(client, out var rows))
        {
            foreach (var done in rows.Keys.Where(s => s <= sequence))
            {
                rows.TryRemove(done, out _);
            }
        }

        return Task.CompletedTask;
    }
}

public sealed class InMemoryQueueRouteStore : IQueueRouteStore
{
    private readonly ConcurrentDictionary<string, QueueRoute> _rows = new();

    public Task<IReadOnlyList<QueueRoute>> ReadAll(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<QueueRoute>>([.. _rows.Values]);

    public Task Save(QueueRoute route, CancellationToken cancellationToken = default)
    {
        _rows[route.QueueId] = route;
        return Task.CompletedTask;
    }
}

public sealed class InMemoryQueueStatsStore : IQueueStatsStore
{
    private readonly ConcurrentDictionary<(string Queue, TimeSpan Length, DateTimeOffset Start), QueueIntervalStats> _rows = new();

    public Task Save(string queueId, IReadOnlyList<QueueIntervalStats> intervals, CancellationToken cancellationToken = default)
    {
        foreach (var interval in intervals)
        {
            _rows[(queueId, interval.Interval.Length, interval.Interval.Start)] = interval;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QueueIntervalStats>> Read(string queueId, TimeSpan length, DateTimeOffset from, DateTimeOffset to, int take, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<QueueIntervalStats>>([.. _rows
            .Where(r => r.Key.Queue == queueId && r.Key.Length == length && r.Key.Start >= from && r.Key.Start < to)
            .OrderBy(r => r.Key.Start)
            .Take(take)
            .Select(r => r.Value)]);

    public Task DeleteBefore(string queueId, TimeSpan length, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        foreach (var key in _rows.Keys.Where(k => k.Queue == queueId && k.Length == length && k.Start < before))
        {
            _rows.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }
}

public sealed class InMemorySpecialistDayStore : ISpecialistDayStore
{
    private readonly ConcurrentDictionary<(string Specialist, DateOnly Day), (string Team, SpecialistDayRecord Record)> _rows = new();

    public Task Save(string specialistId, string teamId, IReadOnlyList<SpecialistDayRecord> days, CancellationToken cancellationToken = default)
    {
        foreach (var day in days)
        {
            _rows.TryAdd((specialistId, day.Day), (teamId, day));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SpecialistDayRecord>> ReadSpecialist(string specialistId, DateOnly from, DateOnly to, int take, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SpecialistDayRecord>>([.. _rows
            .Where(r => r.Key.Specialist == specialistId && r.Key.Day >= from && r.Key.Day < to)
            .OrderBy(r => r.Key.Day)
            .Take(take)
            .Select(r => r.Value.Record)]);

    public Task<IReadOnlyList<SpecialistDayRecord>> ReadTeam(string teamId, DateOnly from, DateOnly to, int days, CancellationToken cancellationToken = default)
    {
        var kept = _rows.Where(r => r.Value.Team == teamId && r.Key.Day >= from && r.Key.Day < to).ToList();
        var firstDays = kept.Select(r => r.Key.Day).Distinct().Order().Take(days).ToHashSet();
        return Task.FromResult<IReadOnlyList<SpecialistDayRecord>>([.. kept.Where(r => firstDays.Contains(r.Key.Day))
            .OrderBy(r => r.Key.Day).ThenBy(r => r.Key.Specialist, StringComparer.Ordinal).Select(r => r.Value.Record)]);
    }

    public Task DeleteBefore(string specialistId, DateOnly before, CancellationToken cancellationToken = default)
    {
        foreach (var key in _rows.Keys.Where(k => k.Specialist == specialistId && k.Day < before))
        {
            _rows.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }
}

public sealed class InMemoryExposureStore : IExposureStore
{
    private readonly ConcurrentDictionary<(string Specialist, string Key), ExposureRecord> _rows = new();

    public Task<StoredExposure> Load(string specialistId, CancellationToken cancellationToken = default)
    {
        return Task.FromResult(StoredExposure.Of(_rows.Where(r => r.Key.Specialist == specialistId).Select(r => r.Value)));
    }

    public Task Save(string specialistId, IReadOnlyCollection<ExposureRecord> records, CancellationToken cancellationToken = default)
    {
        foreach (var record in records)
        {
            _rows[(specialistId, record.Key)] = record;
        }

        return Task.CompletedTask;
    }

    public Task DeleteEndedBefore(string specialistId, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        foreach (var (key, record) in _rows.Where(r => r.Key.Specialist == specialistId))
        {
            if ((record.Entry?.Finished ?? record.Break?.Ended) is { } end && end < before)
            {
                _rows.TryRemove(key, out _);
            }
        }

        return Task.CompletedTask;
    }
}
