using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using HdrHistogram;
using SafetyPlatform.Api.Monitoring.V1;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Work.V1;
using SafetyPlatform.Client;
using HarmCategory = SafetyPlatform.Api.Type.V1.HarmCategory;

/// <summary>
/// The `--scale` profile: an organisation of 50,000 specialists in 4,000 teams, 10,000 queues
/// and 1,000,000 waiting items; then routing at half its peak three times over: without stats
/// readers, with stats reads and watch streams, and without again (an A/B/A in one sitting).
/// </summary>
internal static class ScaleScenario
{
    public static async Task<int> Run(LocalPlatform platform, SafetyConnection connection, Floor floor, Options options)
    {
        var memory = new PlatformMemory(platform.ProcessIds);
        var organisation = await Organisation.Build(connection, options);
        Console.WriteLine($"  memory with the organisation loaded: {memory}");

        if (options.WarmupSeconds > 0)
        {
            await floor.Run(TimeSpan.FromSeconds(options.WarmupSeconds), itemsPerSecond: null);
        }

        var phase = TimeSpan.FromSeconds(options.Seconds);
        var peak = await floor.Run(phase, itemsPerSecond: null);
        peak.Print("peak (no stats load)", null);
        var half = peak.ItemsPerSecond / 2;

        var without = await floor.Run(phase, half);
        without.Print("half peak, A: no stats load", null);

        await using var load = await StatsLoad.Start(connection, organisation, options);
        var with = await floor.Run(phase, half);
        var stats = await load.Stop();
        with.Print($"half peak, B: with {options.StatsRate} stats reads/s and {options.WatchStreams} watch streams", null);
        stats.Print();

        var again = await floor.Run(phase, half);
        again.Print("half peak, A again: no stats load", null);
        Console.WriteLine($"  memory at the end: {memory}");

        var reads = stats.ReadsPerSecond;
        var p99 = stats.AllReads.GetValueAtPercentile(99) / 1000.0;
        var lag = stats.Lag.GetValueAtPercentile(99) / 1000.0;
        var baseline = Math.Min(without.ItemsPerSecond, again.ItemsPerSecond);
        Console.WriteLine();
        Console.WriteLine("targets: stats reads ≥ 5,000/s with p99 ≤ 50 ms; watch streams p99 lag ≤ 1 s; routing with stats no worse than without");
        Console.WriteLine($"  reads {reads:F0}/s {(reads >= 5000 ? "MET" : "MISSED")}, p99 {p99:F1} ms {(p99 <= 50 ? "MET" : "MISSED")}; " +
                          $"lag p99 {lag:F0} ms {(lag <= 1000 ? "MET" : "MISSED")}; " +
                          $"routing B {with.ItemsPerSecond:F0} items/s vs A {without.ItemsPerSecond:F0} and {again.ItemsPerSecond:F0} " +
                          $"{(with.ItemsPerSecond >= 0.97 * baseline ? "MET" : "MISSED")} (paced at {half:F0}); " +
                          $"offer p99 B {with.Offer.GetValueAtPercentile(99) / 1000.0:F1} ms vs A {without.Offer.GetValueAtPercentile(99) / 1000.0:F1} and {again.Offer.GetValueAtPercentile(99) / 1000.0:F1}");
        return 0;
    }
}

/// <summary>The scale organisation: teams, the queues each serves, their specialists, and the items waiting.</summary>
internal sealed record Organisation(string[] Teams, string[] Queues, string[] Specialists, string[] ToggledSpecialists)
{
    public static async Task<Organisation> Build(SafetyConnection connection, Options options)
    {
        var clock = Stopwatch.StartNew();
        // Request ids make every create safe to retry: a call that outlived its deadline while storage was busy is sent again, not lost.
        var run = Guid.NewGuid().ToString("N")[..8];
        var teams = await InParallel(options.ScaleTeams, 32, "teams", async t => (await connection.Roster.CreateTeamAsync(new CreateTeamRequest
        {
            RequestId = $"{run}-t{t}",
            Team = new Team
            {
                DisplayName = $"Scale team {t}", TimeZone = "Europe/Dublin",
                Site = $"site-{t % 40}", Vendor = t % 3 == 0 ? "in-house" : $"vendor-{t % 7}",
            },
        })).Name);
        await InParallel(teams.Length, 32, "wellbeing policies", async t =>
        {
            await WellbeingOff.For(connection, teams[t]);
            return t;
        });
        var queues = await InParallel(options.ScaleQueues, 32, "queues", async q => (await connection.Work.CreateQueueAsync(new CreateQueueRequest
        {
            RequestId = $"{run}-q{q}",
            Queue = new Queue
            {
                DisplayName = $"Scale queue {q}", HarmCategory = HarmCategory.HateSpeech, LanguageCodes = { "en" },
                ServingTeams = { teams[q % teams.Length] }, MaxBacklog = 100_000,
            },
        })).Name);
        var specialists = await InParallel(options.ScaleSpecialists, 64, "specialists", async s =>
        {
            var created = await connection.Roster.CreateSpecialistAsync(new CreateSpecialistRequest
            {
                RequestId = $"{run}-s{s}",
                Parent = teams[s % teams.Length],
                Specialist = new Specialist
                {
                    DisplayName = $"Scale specialist {s}", MaxConcurrentItems = 2,
                    PolicySkills = { new PolicySkill { HarmCategory = HarmCategory.HateSpeech, Proficiency = Proficiency.Proficient } },
                    LanguageSkills = { new LanguageSkill { LanguageCode = "en", Proficiency = Proficiency.Proficient } },
                },
            });
            await connection.Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = created.Name, ActivityState = ActivityState.Available });
            return created.Name;
        });

        var perQueue = options.ScaleItems / queues.Length;
        await InParallel(queues.Length, 16, $"items ({perQueue} per queue)", async q =>
        {
            for (var sent = 0; sent < perQueue; sent += 500)
            {
                var batch = new BatchEnqueueWorkItemsRequest { Parent = queues[q] };
                batch.Requests.AddRange(Enumerable.Range(0, Math.Min(500, perQueue - sent)).Select(_ => Item()));
                var response = await connection.Work.BatchEnqueueWorkItemsAsync(batch, deadline: DateTime.UtcNow.AddMinutes(2));
                if (response.Results.FirstOrDefault(r => r.Code != 0) is { } refused)
                {
                    throw new InvalidOperationException($"fill refused: {refused.Message}");
                }
            }

            return 0;
        });
        Console.WriteLine($"organisation: {teams.Length} teams, {queues.Length} queues, {specialists.Length} specialists (AVAILABLE), " +
                          $"{perQueue * queues.Length} items waiting; built in {clock.Elapsed.TotalSeconds:F0} s");
        // The first specialist of each team goes on and off a break to move the team's numbers for its watchers.
        return new Organisation(teams, queues, specialists, [.. Enumerable.Range(0, teams.Length).Select(t => specialists[t])]);
    }

    /// <summary>A low-priority report in English, with a fresh request id.</summary>
    public static EnqueueWorkItemRequest Item() => Floor.Report("scale", Priority.P3, "en");

    private static async Task<T[]> InParallel<T>(int count, int inFlight, string what, Func<int, Task<T>> create)
    {
        var clock = Stopwatch.StartNew();
        var results = new T[count];
        long done = 0;
        long retried = 0;
        using var progress = new Timer(_ => Console.WriteLine($"  {what}: {Interlocked.Read(ref done)} of {count} after {clock.Elapsed.TotalSeconds:F0} s"),
            null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (i, _) =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    results[i] = await create(i);
                    break;
                }
                catch (RpcException e) when (attempt < 5 && e.StatusCode is StatusCode.DeadlineExceeded or StatusCode.Unavailable)
                {
                    Interlocked.Increment(ref retried);
                }
            }

            Interlocked.Increment(ref done);
        });
        if (retried > 0)
        {
            Console.WriteLine($"  {what}: {retried} calls retried after a deadline or UNAVAILABLE");
        }

        Console.WriteLine($"  {what}: {count} in {clock.Elapsed.TotalSeconds:F0} s ({count / clock.Elapsed.TotalSeconds:F0}/s)");
        return results;
    }
}

/// <summary>
/// Stats reads paced at a target rate over random queues, teams and specialists (a third each),
/// and watch streams (half on queues, half on teams) whose subjects a changer moves one at a
/// time: an item enqueued to a watched queue, a watched team's member going on or off a break.
/// Lag = from the change being asked for to the first message that shows it.
/// </summary>
internal sealed class StatsLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _tasks = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly StatsLoadResult _result = new();

    public static async Task<StatsLoad> Start(SafetyConnection connection, Organisation organisation, Options options)
    {
        var load = new StatsLoad();
        var watchedQueues = organisation.Queues.Take(options.WatchStreams / 2).ToArray();
        var watchedTeams = organisation.Teams.Take(options.WatchStreams - watchedQueues.Length).ToArray();
        var queueWatches = watchedQueues.Select(q => new Watched<QueueStats>(s => s.Waiting)).ToArray();
        var teamWatches = watchedTeams.Select(t => new Watched<TeamStats>(s => s.MembersByState.Where(m => m.ActivityState == ActivityState.Break).Sum(m => m.Members))).ToArray();
        var token = load._stop.Token;
        for (var i = 0; i < watchedQueues.Length; i++)
        {
            var (name, watch) = (watchedQueues[i] + "/stats", queueWatches[i]);
            load._tasks.Add(load.Follow(() => connection.Monitoring.WatchQueueStats(new WatchQueueStatsRequest { Name = name }, cancellationToken: token).ResponseStream, watch));
        }

        for (var i = 0; i < watchedTeams.Length; i++)
        {
            var (name, watch) = (watchedTeams[i] + "/stats", teamWatches[i]);
            load._tasks.Add(load.Follow(() => connection.Monitoring.WatchTeamStats(new WatchTeamStatsRequest { Name = name }, cancellationToken: token).ResponseStream, watch));
        }

        var opened = Stopwatch.StartNew();
        await Task.WhenAll(queueWatches.Select(w => w.First).Concat(teamWatches.Select(w => w.First))).WaitAsync(TimeSpan.FromMinutes(2));
        Console.WriteLine($"  {options.WatchStreams} watch streams open, first messages in {opened.Elapsed.TotalSeconds:F1} s");

        load._clock.Restart();
        load._tasks.Add(load.Read(connection, organisation, options.StatsRate));
        load._tasks.Add(load.Change(connection, options.WatchChangesPerSecond,
            [.. watchedQueues.Zip(queueWatches, (q, w) => (Func<Task>)(() => w.Change(+1, () => connection.Work.EnqueueWorkItemAsync(Organisation.Item().WithParent(q)).ResponseAsync))),
             .. watchedTeams.Select((t, i) => (Func<Task>)(() => teamWatches[i].Toggle(on => connection.Roster.SetActivityStateAsync(new SetActivityStateRequest
                { Name = organisation.ToggledSpecialists[i], ActivityState = on ? ActivityState.Break : ActivityState.Available }).ResponseAsync)))]));
        load._result.Watches = [.. queueWatches.Cast<IWatched>(), .. teamWatches];
        return load;
    }

    public async Task<StatsLoadResult> Stop()
    {
        _result.Seconds = _clock.Elapsed.TotalSeconds;
        await _stop.CancelAsync();
        await Task.WhenAll(_tasks);
        return _result;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await Stop();
        }

        _stop.Dispose();
    }

    private async Task Follow<T>(Func<Grpc.Core.IAsyncStreamReader<T>> open, Watched<T> watch)
    {
        try
        {
            var stream = open();
            while (await stream.MoveNext(_stop.Token))
            {
                watch.Saw(stream.Current, _result.Lag);
            }
        }
        catch (Exception e) when (_stop.IsCancellationRequested && e is OperationCanceledException or Grpc.Core.RpcException)
        {
            // The run is over.
        }
    }

    /// <summary>Open-loop reads: each claims the next slot of the schedule, waits for it, and is timed from when it is sent.</summary>
    private Task Read(SafetyConnection connection, Organisation organisation, int rate)
    {
        long slot = 0;
        var monitoring = connection.Monitoring;
        return Task.WhenAll(Enumerable.Range(0, 128).Select(async _ =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var mine = Interlocked.Increment(ref slot);
                var wait = TimeSpan.FromSeconds(mine / (double)rate) - _clock.Elapsed;
                if (wait > TimeSpan.Zero && !await Delay(wait))
                {
                    return;
                }

                var start = Stopwatch.GetTimestamp();
                try
                {
                    switch (mine % 3)
                    {
                        case 0:
                            await monitoring.GetQueueStatsAsync(new GetQueueStatsRequest { Name = Pick(organisation.Queues) + "/stats" }, deadline: DateTime.UtcNow.AddSeconds(10));
                            _result.QueueReads.RecordValue(Measure.MicrosSince(start));
                            break;
                        case 1:
                            await monitoring.GetTeamStatsAsync(new GetTeamStatsRequest { Name = Pick(organisation.Teams) + "/stats" }, deadline: DateTime.UtcNow.AddSeconds(10));
                            _result.TeamReads.RecordValue(Measure.MicrosSince(start));
                            break;
                        default:
                            await monitoring.GetSpecialistStatsAsync(new GetSpecialistStatsRequest { Name = Pick(organisation.Specialists) + "/stats" }, deadline: DateTime.UtcNow.AddSeconds(10));
                            _result.SpecialistReads.RecordValue(Measure.MicrosSince(start));
                            break;
                    }
                }
                catch (Grpc.Core.RpcException e)
                {
                    // A read past its deadline is a failed read, counted, whenever it ends.
                    Interlocked.Increment(ref _result.Failed);
                    _result.LastFailure = e.Status.ToString();
                }
            }
        }));
    }

    /// <summary>Moves the watched subjects round-robin, so each changes every (subjects ÷ rate) seconds.</summary>
    private Task Change(SafetyConnection connection, int perSecond, Func<Task>[] changes) => perSecond <= 0 ? Task.CompletedTask : Task.Run(async () =>
    {
        for (long n = 0; !_stop.IsCancellationRequested; n++)
        {
            var wait = TimeSpan.FromSeconds(n / (double)perSecond) - _clock.Elapsed;
            if (wait > TimeSpan.Zero && !await Delay(wait))
            {
                return;
            }

            _ = changes[n % changes.Length]().ContinueWith(t => Interlocked.Increment(ref _result.ChangesFailed), TaskContinuationOptions.OnlyOnFaulted);
            Interlocked.Increment(ref _result.Changes);
        }
    });

    private static string Pick(string[] names) => names[Random.Shared.Next(names.Length)];

    private async Task<bool> Delay(TimeSpan wait)
    {
        try
        {
            await Task.Delay(wait, _stop.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>What a watch stream has shown of its subject, and the changes asked for that it has yet to show.</summary>
internal interface IWatched
{
    int Unseen { get; }
}

/// <summary>One watched subject: a number its messages show (<paramref name="measure"/>), and the values changes to it should bring.</summary>
internal sealed class Watched<T>(Func<T, int> measure) : IWatched
{
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<(int Expected, long Start)> _pending = new();
    private int _value;
    private bool _toggled;

    public Task First => _first.Task;

    public int Unseen => _pending.Count;

    /// <summary>Moves the number by <paramref name="delta"/> with <paramref name="change"/> (one change at a time per subject).</summary>
    public Task Change(int delta, Func<Task> change)
    {
        _value += delta;
        _pending.Enqueue((_value, Stopwatch.GetTimestamp()));
        return change();
    }

    /// <summary>Flips the number between its first value and one more.</summary>
    public Task Toggle(Func<bool, Task> change)
    {
        _toggled = !_toggled;
        return Change(_toggled ? +1 : -1, () => change(_toggled));
    }

    public void Saw(T message, LongConcurrentHistogram lag)
    {
        var shown = measure(message);
        if (!_first.Task.IsCompleted)
        {
            _value = shown;
            _first.TrySetResult();
            return;
        }

        // A change is seen when a message shows the value it brought; values in between may be folded away.
        if (!_pending.Any(p => p.Expected == shown))
        {
            return;
        }

        while (_pending.TryDequeue(out var change))
        {
            lag.RecordValue(Math.Max(1, Measure.MicrosSince(change.Start)));
            if (change.Expected == shown)
            {
                return;
            }
        }
    }
}

internal sealed class StatsLoadResult
{
    public LongConcurrentHistogram QueueReads { get; } = Measure.Histogram();
    public LongConcurrentHistogram TeamReads { get; } = Measure.Histogram();
    public LongConcurrentHistogram SpecialistReads { get; } = Measure.Histogram();
    public LongConcurrentHistogram Lag { get; } = Measure.Histogram();
    public IWatched[] Watches { get; set; } = [];
    public long Failed;
    public string? LastFailure;
    public long Changes;
    public long ChangesFailed;
    public double Seconds { get; set; }

    public HistogramBase AllReads
    {
        get
        {
            var all = Measure.Histogram();
            all.Add(QueueReads);
            all.Add(TeamReads);
            all.Add(SpecialistReads);
            return all;
        }
    }

    public double ReadsPerSecond => (QueueReads.TotalCount + TeamReads.TotalCount + SpecialistReads.TotalCount) / Seconds;

    public void Print()
    {
        Console.WriteLine($"  stats reads through the gateway: {ReadsPerSecond:F0}/s over {Seconds:F1} s, {Failed} failed{(LastFailure is null ? string.Empty : $" (last: {LastFailure})")}");
        Line("all reads", AllReads);
        Line("GetQueueStats", QueueReads);
        Line("GetTeamStats", TeamReads);
        Line("GetSpecialistStats", SpecialistReads);
        Console.WriteLine($"  watch streams: {Changes} changes asked ({ChangesFailed} failed), {Lag.TotalCount} seen, {Watches.Sum(w => w.Unseen)} not yet seen at the end");
        Line("lag, change → message", Lag);
    }

    private static void Line(string what, HistogramBase h) =>
        Console.WriteLine($"    {what,-24} n={h.TotalCount,8}  p50 {P(h, 50)}  p99 {P(h, 99)}  p99.9 {P(h, 99.9)}  max {P(h, 100)} ms");

    private static string P(HistogramBase h, double percentile) =>
        (h.GetValueAtPercentile(percentile) / 1000.0).ToString("F1", CultureInfo.InvariantCulture).PadLeft(7);
}

/// <summary>Resident memory of the platform's processes, read from the kernel.</summary>
internal sealed class PlatformMemory(IReadOnlyDictionary<string, int> processIds)
{
    public override string ToString() => string.Join(", ", processIds.Select(p =>
    {
        using var process = Process.GetProcessById(p.Value);
        return $"{p.Key} {process.WorkingSet64 / 1048576.0:F0} MiB";
    }));
}

internal static class EnqueueRequests
{
    public static EnqueueWorkItemRequest WithParent(this EnqueueWorkItemRequest request, string queue)
    {
        request.Parent = queue;
        return request;
    }
}
