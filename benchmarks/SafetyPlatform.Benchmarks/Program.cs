using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Google.Protobuf;
using HdrHistogram;
using SafetyPlatform.Api.Diagnostics.V1;
using SafetyPlatform.Api.Roster.V1;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Work.V1;
using SafetyPlatform.Client;
using HarmCategory = SafetyPlatform.Api.Type.V1.HarmCategory;

// Load generator for the work cycle: enqueue → offer → accept → complete through the gateway.
// Usage: dotnet run -c Release --project benchmarks/SafetyPlatform.Benchmarks -- [--seconds 20] [--specialists 64]
//        [--concurrency 4] [--azurite-disk] [--pull [--workers 2] [--poll-ms 250]] [--warmup-seconds 15] [--batch 50]
//        [--backlog N] [--memory-minutes M] [--recovery-finished F --recovery-open O] [--direct]
// By default specialists hold StreamOffers streams (push); --pull makes --workers loops per specialist poll GetNextWorkItem.
// --backlog N first fills the queue with N P0 items in a language the specialists do not read (they fit only part of what waits).
// --memory-minutes M runs the cycle at peak for M minutes and prints the silo's memory each minute (instead of the usual phases).
// --recovery-finished F --recovery-open O: F items through the cycle, then O waiting, then a silo restart: prints the queue's recovery.
// --direct runs the cycle straight to the silo instead of through the gateway (echo still measures both): what the gateway adds.
// --scale [--scale-teams 4000 --scale-queues 10000 --scale-specialists 50000 --scale-items 1000000] [--stats-rate 5000]
//        [--watch-streams 1000 --watch-changes 200]: builds that organisation, then runs the cycle at half peak without, with and
//        again without stats reads and watch streams (ScaleScenario).
var options = Options.Parse(args);
Console.WriteLine($"SafetyPlatform work-cycle benchmark — {DateTime.UtcNow:u}, {Environment.ProcessorCount} cores");
Console.WriteLine($"options: {options}");

// Authentication, scopes, object rules and the audit log are on, as in production; the rate limit
// is lifted so that the benchmark measures the platform, not the limit.
await using var platform = await LocalPlatform.Start(inMemoryStorage: !options.AzuriteOnDisk, gatewaySettings: new Dictionary<string, string>
{
    ["Gateway__DefaultRateLimit__TokenLimit"] = "1000000",
    ["Gateway__DefaultRateLimit__TokensPerPeriod"] = "1000000",
});
using var connection = platform.Connect();
using var direct = SafetyConnection.Open(platform.SiloAddress, new SafetyConnectionOptions { AccessToken = platform.MintToken(LocalPlatform.Admin) });
Console.WriteLine($"platform: Azurite ({(options.AzuriteOnDisk ? "on disk" : "in memory")}), 1 silo, gateway {platform.GatewayAddress}; " +
                  $"the cycle goes {(options.Direct ? "straight to the silo " + platform.SiloAddress : "through the gateway")}");

var floor = await Floor.Create(options.Direct ? direct : connection, options);
if (options.Scale)
{
    return await ScaleScenario.Run(platform, connection, floor, options);
}

if (options.RecoveryFinished > 0 || options.RecoveryOpen > 0)
{
    return await Scenarios.Recovery(platform, connection, floor, options);
}

if (options.Backlog > 0)
{
    await floor.FillBacklog(options.Backlog);
}

if (options.MemoryMinutes > 0)
{
    return await Scenarios.Memory(platform, connection, floor, options);
}

var cpu = new ProcessCpu(platform.ProcessIds);
if (options.WarmupSeconds > 0)
{
    // A silo runs for days: let tiered JIT reach its optimised code, in the gateway and the silo,
    // then let the leftover work (background compilation, timers, collection) finish, before measuring.
    await Echo(connection, options.EchoCallers, TimeSpan.FromSeconds(3));
    await Echo(direct, options.EchoCallers, TimeSpan.FromSeconds(3));
    var warmup = await floor.Run(TimeSpan.FromSeconds(options.WarmupSeconds), itemsPerSecond: null);
    var settled = await cpu.WaitUntilQuiet(TimeSpan.FromSeconds(30));
    Console.WriteLine($"warm-up (not counted): echo 3 s + 3 s, cycle {warmup.ItemsPerSecond:F0} items/s over {warmup.Seconds:F1} s, then {settled.TotalSeconds:F1} s until the platform was quiet");
}

cpu.Reset();

// 1. Ceiling: echo through the same gateway to the same silo.
var echo = await Echo(connection, options.EchoCallers, TimeSpan.FromSeconds(options.EchoSeconds));
PrintRate("echo through gateway:", echo, "calls");
cpu.PrintPer("call", echo.Count);

// What the gateway costs: the same echo straight to the silo.
var straight = await Echo(direct, options.EchoCallers, TimeSpan.FromSeconds(options.EchoSeconds));
PrintRate("echo straight to the silo:", straight, "calls");
cpu.PrintPer("call", straight.Count);

// 2. The naive design: one Azure Table write per request, straight to the same Azurite.
var naive = await NaiveWrites(platform.StorageConnectionString, 32, TimeSpan.FromSeconds(options.EchoSeconds));
PrintRate("one table write per request:", naive, "writes");
Console.WriteLine($"  → a naive cycle of 4 writes per item ≈ {naive.PerSecond / 4:F0} items/s");
cpu.PrintPer("write", naive.Count);

// 3. Peak: as many items as the floor can take.
var activityChanges = new ActivityChanges(platform.StorageConnectionString);
var changesBefore = await activityChanges.Count();
var peak = await floor.Run(TimeSpan.FromSeconds(options.Seconds), itemsPerSecond: null);
peak.Print("peak", echo.PerSecond);
cpu.PrintPer("item", peak.Completed);
var changesAfterPeak = await activityChanges.Count();
Console.WriteLine($"  specialists' activity changes (HANDLING ⇄ AVAILABLE, one storage transaction each): {(changesAfterPeak - changesBefore) / (double)peak.Completed:F2} per item");

// 4. Half the peak rate: what an offer costs when the platform is not saturated.
using var stalls = StallProbe.Start();
var half = await floor.Run(TimeSpan.FromSeconds(options.Seconds), itemsPerSecond: peak.ItemsPerSecond / 2);
half.Print("half peak", echo.PerSecond);
stalls.Print(TimeSpan.FromSeconds(options.Seconds));
cpu.PrintPer("item", half.Completed);
Console.WriteLine($"  specialists' activity changes: {(await activityChanges.Count() - changesAfterPeak) / (double)half.Completed:F2} per item");

Console.WriteLine();
Console.WriteLine("targets: cycle ≥ 1000 items/s; cycle calls/s ≥ 20% of echo; p99 offer ≤ 20 ms at half peak; cycle beats the naive design");
Console.WriteLine($"  items/s {peak.ItemsPerSecond:F0} {(peak.ItemsPerSecond >= 1000 ? "MET" : "MISSED")}; " +
                  $"calls {peak.CallsPerSecond / echo.PerSecond:P0} of echo {(peak.CallsPerSecond >= 0.2 * echo.PerSecond ? "MET" : "MISSED")}; " +
                  $"p99 offer at half peak {Ms(half.Offer, 99)} ms {(half.Offer.GetValueAtPercentile(99) <= 20_000 ? "MET" : "MISSED")}; " +
                  $"vs naive {peak.ItemsPerSecond / (naive.PerSecond / 4):F1}x {(peak.ItemsPerSecond > naive.PerSecond / 4 ? "MET" : "MISSED")}");
return 0;

static string Ms(HistogramBase h, double percentile) =>
    (h.GetValueAtPercentile(percentile) / 1000.0).ToString("F1", CultureInfo.InvariantCulture).PadLeft(6);

static async Task<Rate> Echo(SafetyConnection connection, int callers, TimeSpan duration)
{
    var payload = new EchoRequest { Payload = ByteString.CopyFrom(new byte[64]) };
    await connection.Diagnostics.EchoAsync(payload);
    return await Measure.Repeatedly(callers, duration, async () => await connection.Diagnostics.EchoAsync(payload));
}

static async Task<Rate> NaiveWrites(string storage, int inFlight, TimeSpan duration)
{
    var table = new TableServiceClient(storage).GetTableClient("NaiveBenchmark");
    await table.CreateIfNotExistsAsync();
    var data = new string('x', 600);
    return await Measure.Repeatedly(inFlight, duration,
        async () => await table.UpsertEntityAsync(new TableEntity("q", Guid.NewGuid().ToString("N")) { ["Data"] = data }));
}

static void PrintRate(string label, Rate rate, string unit) =>
    Console.WriteLine($"{label,-29}{rate.PerSecond,9:F0} {unit}/s   p50 {Ms(rate.Latency, 50)}  p99 {Ms(rate.Latency, 99)}  p99.9 {Ms(rate.Latency, 99.9)} ms");

/// <summary>
/// CPU time each process used since the last print: a steadier measure of what an item costs
/// than items/s on a shared machine, where throughput swings with the neighbours.
/// </summary>
internal sealed class ProcessCpu(IReadOnlyDictionary<string, int> processIds)
{
    private const string LoadGenerator = "load generator";

    private Dictionary<string, TimeSpan> _last = Read(processIds);

    public void Reset() => _last = Read(processIds);

    /// <summary>Polls until the platform's processes together use under a tenth of a core; returns how long that took.</summary>
    public async Task<TimeSpan> WaitUntilQuiet(TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromMilliseconds(500);
        while (clock.Elapsed < deadline)
        {
            var before = Read(processIds);
            await Task.Delay(interval);
            var used = Read(processIds).Where(p => p.Key != LoadGenerator).Sum(p => (p.Value - before[p.Key]).TotalMilliseconds);
            if (used < 0.1 * interval.TotalMilliseconds)
            {
                break;
            }
        }

        return clock.Elapsed;
    }

    public void PrintPer(string unit, long count)
    {
        var now = Read(processIds);
        var parts = now.Select(p => $"{p.Key} {(p.Value - _last[p.Key]).TotalMilliseconds / Math.Max(1, count):F3}");
        Console.WriteLine($"  CPU per {unit} (ms): {string.Join(", ", parts)}");
        _last = now;
    }

    private static Dictionary<string, TimeSpan> Read(IReadOnlyDictionary<string, int> processIds)
    {
        var times = processIds.ToDictionary(p => p.Key, p => System.Diagnostics.Process.GetProcessById(p.Value).TotalProcessorTime);
        times[LoadGenerator] = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        return times;
    }
}

/// <summary>Counts the specialists' stored activity transitions (rows `h…` of the Specialists table).</summary>
internal sealed class ActivityChanges(string storage)
{
    private readonly TableClient _table = new TableServiceClient(storage).GetTableClient("Specialists");

    public async Task<long> Count()
    {
        long rows = 0;
        await foreach (var _ in _table.QueryAsync<TableEntity>("RowKey ge 'h' and RowKey lt 'i'", select: ["PartitionKey"]))
        {
            rows++;
        }

        return rows;
    }
}

/// <summary>A team, a queue it serves, and specialists working it.</summary>
internal sealed class Floor(SafetyConnection connection, Queue queue, IReadOnlyList<Specialist> specialists, Options options)
{
    public static async Task<Floor> Create(SafetyConnection connection, Options options)
    {
        var team = await connection.Roster.CreateTeamAsync(new CreateTeamRequest { Team = new Team { DisplayName = "Benchmark floor" } });
        await WellbeingOff.For(connection, team.Name);
        var queue = await connection.Work.CreateQueueAsync(new CreateQueueRequest
        {
            Queue = new Queue
            {
                DisplayName = "Hate speech EN (benchmark)", HarmCategory = HarmCategory.HateSpeech, LanguageCodes = { "en", "de" },
                ServingTeams = { team.Name }, MaxBacklog = 1_000_000,
            },
        });
        var specialists = await Task.WhenAll(Enumerable.Range(0, options.Specialists).Select(async i =>
        {
            var s = await connection.Roster.CreateSpecialistAsync(new CreateSpecialistRequest
            {
                Parent = team.Name,
                Specialist = new Specialist
                {
                    DisplayName = $"Specialist {i}", MaxConcurrentItems = options.Concurrency,
                    PolicySkills = { new PolicySkill { HarmCategory = HarmCategory.HateSpeech, Proficiency = Proficiency.Proficient } },
                    LanguageSkills = { new LanguageSkill { LanguageCode = "en", Proficiency = Proficiency.Proficient } },
                },
            });
            return await connection.Roster.SetActivityStateAsync(new SetActivityStateRequest { Name = s.Name, ActivityState = ActivityState.Available });
        }));
        return new Floor(connection, queue, specialists, options);
    }

    public Queue Queue => queue;

    /// <summary>Items waiting that no specialist of the floor can take (the --backlog fill).</summary>
    public int Unservable { get; private set; }

    /// <summary>
    /// Fills the queue with <paramref name="count"/> P0 items in German, which the benchmark's
    /// specialists do not read: they wait ahead of every item the cycle enqueues, so routing must
    /// pass over them on every request.
    /// </summary>
    public async Task FillBacklog(int count, string language = "de", Priority priority = Priority.P0)
    {
        var clock = Stopwatch.StartNew();
        var batches = Enumerable.Range(0, (count + 499) / 500).Select(b => Math.Min(500, count - b * 500));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (size, ct) =>
        {
            var batch = new BatchEnqueueWorkItemsRequest { Parent = queue.Name };
            batch.Requests.AddRange(Enumerable.Range(0, size).Select(_ => Report("backlog", priority, language)));

            var response = await connection.Work.BatchEnqueueWorkItemsAsync(batch, deadline: DateTime.UtcNow.AddMinutes(2), cancellationToken: ct);
            if (response.Results.Any(r => r.Code != 0))
            {
                throw new InvalidOperationException($"backlog fill refused: {response.Results.First(r => r.Code != 0).Message}");
            }
        });
        if (language != "en")
        {
            Unservable += count;
        }

        Console.WriteLine($"backlog: {count} {priority} items in '{language}' enqueued in {clock.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>One report of a tool, with a fresh request id.</summary>
    public static EnqueueWorkItemRequest Report(string client, Priority priority, string language)
    {
        var id = $"{Guid.NewGuid():N}";
        return new EnqueueWorkItemRequest
        {
            RequestId = id,
            WorkItem = new WorkItem
            {
                Client = client, Content = new ContentReference { ContentId = id, Uri = "https://content.example/" + id },
                HarmCategory = HarmCategory.HateSpeech, Priority = priority, LanguageCode = language,
            },
        };
    }

    public async Task<Result> Run(TimeSpan duration, double? itemsPerSecond)
    {
        var result = new Result(itemsPerSecond, options.Pull, options.Batch);
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        long enqueued = 0;
        long scheduled = 0;
        var batchSize = options.Batch;

        // Producers: batches (of 50 by default), keeping the backlog short (a real tool's steady stream),
        // or paced to a target rate.
        var producers = Enumerable.Range(0, 2).Select(async producer =>
        {
            var sequence = 0;
            while (!stop.IsCancellationRequested)
            {
                if (itemsPerSecond is { } rate)
                {
                    // Each batch claims its own time slot, so the producers' batches are spread evenly
                    // (reading a shared count instead let both wake at the same moment and send two
                    // batches at once: bursts of twice the batch size).
                    var due = (Interlocked.Add(ref scheduled, batchSize) - batchSize) / rate;
                    var wait = due - clock.Elapsed.TotalSeconds;
                    if (wait > 0)
                    {
                        await Delay(TimeSpan.FromSeconds(wait), stop.Token);
                        if (stop.IsCancellationRequested)
                        {
                            break;
                        }
                    }
                }
                else if (Interlocked.Read(ref enqueued) - Interlocked.Read(ref result.Completed) > 4000)
                {
                    await Delay(TimeSpan.FromMilliseconds(2), stop.Token);
                    continue;
                }

                var batch = new BatchEnqueueWorkItemsRequest { Parent = queue.Name };
                for (var i = 0; i < batchSize; i++)
                {
                    batch.Requests.Add(Report("benchmark", (Priority)(1 + (sequence++ % 4)), "en"));
                }

                var start = Stopwatch.GetTimestamp();
                await connection.Work.BatchEnqueueWorkItemsAsync(batch);
                result.Enqueue.RecordValue(Micros(start));
                Interlocked.Add(ref enqueued, batchSize);
                Interlocked.Increment(ref result.Calls);
            }
        }).ToList();

        var workers = options.Pull ? PullWorkers(result, stop.Token) : PushWorkers(result, stop.Token);

        await Task.WhenAll(producers.Concat(workers));
        result.Seconds = clock.Elapsed.TotalSeconds;
        // Let what was offered or held at the end finish, so the next run starts clean.
        await Drain();
        return result;
    }

    /// <summary>Each specialist's workers loop GetNextWorkItem → accept → complete; offer = GetNextWorkItem's latency.</summary>
    private List<Task> PullWorkers(Result result, CancellationToken stop) => [.. specialists.SelectMany(s => Enumerable.Range(0, options.Workers).Select(async _ =>
    {
        while (!stop.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            var offer = (await connection.Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = s.Name })).WorkItem;
            Interlocked.Increment(ref result.Calls);
            if (offer is null)
            {
                // A specialist's tool asks again a little later, as a person would; StreamOffers is for instant delivery.
                await Delay(TimeSpan.FromMilliseconds(options.PollMs), stop);
                continue;
            }

            result.Offer.RecordValue(Micros(start));
            try
            {
                await Handle(result, s, offer);
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode is Grpc.Core.StatusCode.DeadlineExceeded or Grpc.Core.StatusCode.Unavailable)
            {
                // A stall is a finding, not the end of the run: counted and printed with the phase.
                Interlocked.Increment(ref result.Failed);
            }
        }
    }))];

    /// <summary>
    /// Each specialist holds one StreamOffers stream and handles every offer it brings (up to
    /// their concurrency at once); offer = from the item's arrival to the offer reaching the
    /// specialist, which includes any wait in the backlog.
    /// </summary>
    private List<Task> PushWorkers(Result result, CancellationToken stop) => [.. specialists.Select(async s =>
    {
        using var call = connection.Work.StreamOffers(new StreamOffersRequest { Specialist = s.Name }, cancellationToken: stop);
        Interlocked.Increment(ref result.Calls);
        var handling = new List<Task>();
        try
        {
            while (await call.ResponseStream.MoveNext(stop))
            {
                var offer = call.ResponseStream.Current;
                var waited = DateTimeOffset.UtcNow - offer.ArriveTime.ToDateTimeOffset();
                result.Offer.RecordValue(Math.Max(1, (long)waited.TotalMicroseconds));
                handling.RemoveAll(t => t.IsCompleted);
                handling.Add(Handle(result, s, offer));
            }
        }
        catch (Grpc.Core.RpcException) when (stop.IsCancellationRequested)
        {
            // The run is over.
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }

        await Task.WhenAll(handling);
    })];

    private async Task Handle(Result result, Specialist s, WorkItem offer)
    {
        var start = Stopwatch.GetTimestamp();
        await connection.Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = offer.Name, Specialist = s.Name });
        result.Accept.RecordValue(Micros(start));
        start = Stopwatch.GetTimestamp();
        await connection.Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = offer.Name, Specialist = s.Name, Outcome = new Outcome { Decision = "remove" } });
        result.Complete.RecordValue(Micros(start));
        Interlocked.Add(ref result.Calls, 2);
        Interlocked.Increment(ref result.Completed);
    }

    private async Task Drain()
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            var q = await connection.Work.GetQueueAsync(new GetQueueRequest { Name = queue.Name });
            if (q.InProgress == 0 && q.Depth <= Unservable)
            {
                return;
            }

            await Task.WhenAll(specialists.Select(async s =>
            {
                var work = await connection.Work.GetSpecialistWorkAsync(new GetSpecialistWorkRequest { Specialist = s.Name });
                foreach (var offer in work.Offers)
                {
                    await connection.Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = offer.Name, Specialist = s.Name });
                    await connection.Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = offer.Name, Specialist = s.Name, Outcome = new Outcome { Decision = "remove" } });
                }

                foreach (var held in work.HeldItems)
                {
                    await connection.Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = held.Name, Specialist = s.Name, Outcome = new Outcome { Decision = "remove" } });
                }

                while ((await connection.Work.GetNextWorkItemAsync(new GetNextWorkItemRequest { Specialist = s.Name })).WorkItem is { } next)
                {
                    await connection.Work.AcceptWorkItemAsync(new AcceptWorkItemRequest { Name = next.Name, Specialist = s.Name });
                    await connection.Work.CompleteWorkItemAsync(new CompleteWorkItemRequest { Name = next.Name, Specialist = s.Name, Outcome = new Outcome { Decision = "remove" } });
                }
            }));
        }
    }

    private static async Task Delay(TimeSpan wait, CancellationToken stop)
    {
        try
        {
            await Task.Delay(wait, stop);
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private static long Micros(long startTimestamp) => Measure.MicrosSince(startTimestamp);
}

internal sealed class Result(double? targetRate, bool pull, int batch)
{
    public LongConcurrentHistogram Enqueue { get; } = Measure.Histogram();
    public LongConcurrentHistogram Offer { get; } = Measure.Histogram();
    public LongConcurrentHistogram Accept { get; } = Measure.Histogram();
    public LongConcurrentHistogram Complete { get; } = Measure.Histogram();
    public long Completed;
    public long Calls;
    public long Failed;
    public double Seconds { get; set; }

    public double ItemsPerSecond => Completed / Seconds;

    public double CallsPerSecond => Calls / Seconds;

    public void Print(string label, double? echoRate)
    {
        Console.WriteLine();
        Console.WriteLine($"cycle, {label}{(targetRate is { } r ? $" (paced at {r:F0} items/s)" : string.Empty)}: {ItemsPerSecond:F0} items/s completed, " +
                          $"{CallsPerSecond:F0} gRPC calls/s{(echoRate is { } echo ? $" = {CallsPerSecond / echo:P0} of echo" : string.Empty)}, over {Seconds:F1} s");
        if (!pull && echoRate is not null)
        {
            // Each streamed offer stands in for the GetNextWorkItem call a polling specialist would make.
            var messages = CallsPerSecond + Offer.TotalCount / Seconds;
            Console.WriteLine($"  counting each streamed offer as a call: {messages:F0}/s = {messages / echoRate:P0} of echo");
        }

        if (Failed > 0)
        {
            Console.WriteLine($"  {Failed} items not handled: accept or complete outlived its 30 s deadline (or the silo was unavailable)");
        }

        Line($"enqueue (batch of {batch})", Enqueue);
        Line(pull ? "offer (GetNextWorkItem)" : "offer (arrival → stream)", Offer);
        Line("accept", Accept);
        Line("complete", Complete);
    }

    private static void Line(string step, HistogramBase h) =>
        Console.WriteLine($"  {step,-24} n={h.TotalCount,8}  p50 {P(h, 50)}  p99 {P(h, 99)}  p99.9 {P(h, 99.9)} ms");

    private static string P(HistogramBase h, double percentile) =>
        (h.GetValueAtPercentile(percentile) / 1000.0).ToString("F1", CultureInfo.InvariantCulture).PadLeft(6);
}

internal sealed record Options(int Seconds, int Specialists, int Concurrency, int Workers, bool AzuriteOnDisk, int EchoCallers, int EchoSeconds, bool Pull, int PollMs, int WarmupSeconds, int Batch,
    int Backlog, int MemoryMinutes, int RecoveryFinished, int RecoveryOpen, bool Direct,
    bool Scale, int ScaleTeams, int ScaleQueues, int ScaleSpecialists, int ScaleItems, int StatsRate, int WatchStreams, int WatchChangesPerSecond)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Options(Int("--seconds", 20), Int("--specialists", 64), Int("--concurrency", 4), Int("--workers", 2),
            args.Contains("--azurite-disk"), Int("--echo-callers", 64), Int("--echo-seconds", 10), args.Contains("--pull"), Int("--poll-ms", 250), Int("--warmup-seconds", 15), Int("--batch", 50),
            Int("--backlog", 0), Int("--memory-minutes", 0), Int("--recovery-finished", 0), Int("--recovery-open", 0),
            args.Contains("--direct"),
            args.Contains("--scale"), Int("--scale-teams", 4_000), Int("--scale-queues", 10_000), Int("--scale-specialists", 50_000), Int("--scale-items", 1_000_000),
            Int("--stats-rate", 5_000), Int("--watch-streams", 1_000), Int("--watch-changes", 200));
    }
}

/// <summary>Latency recording in microseconds, up to a minute, three significant digits.</summary>
internal static class Measure
{
    public static LongConcurrentHistogram Histogram() => new(1, 60_000_000, 3);

    public static long MicrosSince(long startTimestamp) => (Stopwatch.GetTimestamp() - startTimestamp) * 1_000_000 / Stopwatch.Frequency;

    /// <summary>Runs <paramref name="operation"/> in <paramref name="workers"/> loops for <paramref name="duration"/>, timing each.</summary>
    public static async Task<Rate> Repeatedly(int workers, TimeSpan duration, Func<Task> operation)
    {
        var latency = Histogram();
        long count = 0;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                var start = Stopwatch.GetTimestamp();
                await operation();
                latency.RecordValue(MicrosSince(start));
                Interlocked.Increment(ref count);
            }
        }));
        return new Rate(count / clock.Elapsed.TotalSeconds, latency, count);
    }
}

/// <summary>Operations per second over a timed run, their latency, and how many there were.</summary>
internal sealed record Rate(double PerSecond, LongConcurrentHistogram Latency, long Count);
