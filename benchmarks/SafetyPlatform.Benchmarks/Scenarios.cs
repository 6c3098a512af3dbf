using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using SafetyPlatform.Api.Tests.Infrastructure;
using SafetyPlatform.Api.Work.V1;
using SafetyPlatform.Client;

/// <summary>The long-running measurements: silo memory under sustained load, and recovery after much work.</summary>
internal static partial class Scenarios
{
    /// <summary>
    /// Runs the cycle at peak for the given minutes, printing the silo's resident memory after
    /// each. The submitting tool watches its outcomes and acknowledges them as a real one does:
    /// an outbox keeps what its client has not acknowledged.
    /// </summary>
    public static async Task<int> Memory(LocalPlatform platform, SafetyConnection connection, Floor floor, Options options)
    {
        using var stop = new CancellationTokenSource();
        var tool = AcknowledgeOutcomes(connection, "benchmark", stop.Token);
        var silo = Process.GetProcessById(platform.ProcessIds["silo"]);
        var samples = new List<(int Minute, long Bytes, long Completed)>();
        long completed = 0;
        for (var minute = 1; minute <= options.MemoryMinutes; minute++)
        {
            var run = await floor.Run(TimeSpan.FromMinutes(1), itemsPerSecond: null);
            completed += run.Completed;
            silo.Refresh();
            samples.Add((minute, silo.WorkingSet64, completed));
            Console.WriteLine($"minute {minute,3}: {run.ItemsPerSecond,6:F0} items/s, {completed,9} items in all, silo resident memory {silo.WorkingSet64 / 1048576.0,7:F0} MiB");
        }

        var ratio = samples[^1].Bytes / (double)samples[0].Bytes;
        Console.WriteLine($"silo memory after {options.MemoryMinutes} minutes / after 1 minute = {ratio:F2} (target ≤ 1.5: {(ratio <= 1.5 ? "MET" : "MISSED")})");
        await stop.CancelAsync();
        Console.WriteLine($"outcomes acknowledged by the tool: {await tool}");
        return 0;
    }

    /// <summary>A submitting tool: watches its outcomes and acknowledges each batch it has read.</summary>
    private static async Task<long> AcknowledgeOutcomes(SafetyConnection connection, string client, CancellationToken stop)
    {
        long acknowledged = 0;
        try
        {
            using var watch = connection.Work.WatchOutcomes(new WatchOutcomesRequest { Client = client }, cancellationToken: stop);
            long last = 0;
            while (await watch.ResponseStream.MoveNext(stop))
            {
                last = watch.ResponseStream.Current.Sequence;
                if (last - acknowledged >= 500)
                {
                    acknowledged = (await connection.Work.AcknowledgeOutcomesAsync(new AcknowledgeOutcomesRequest { Client = client, Sequence = last }, cancellationToken: stop)).AcknowledgedSequence;
                }
            }
        }
        catch (Exception e) when (stop.IsCancellationRequested && e is OperationCanceledException or Grpc.Core.RpcException)
        {
            // The run is over.
        }

        return acknowledged;
    }

    /// <summary>
    /// Puts <see cref="Options.RecoveryFinished"/> items through the whole cycle, then leaves
    /// <see cref="Options.RecoveryOpen"/> waiting, restarts the silo, and times the queue's recovery:
    /// the first call that reaches the queue, and the silo's own log of it.
    /// </summary>
    public static async Task<int> Recovery(LocalPlatform platform, SafetyConnection connection, Floor floor, Options options)
    {
        var clock = Stopwatch.StartNew();
        long completed = 0;
        while (completed < options.RecoveryFinished)
        {
            var run = await floor.Run(TimeSpan.FromSeconds(30), itemsPerSecond: null);
            completed += run.Completed;
            Console.WriteLine($"  finished {completed} items ({run.ItemsPerSecond:F0} items/s) after {clock.Elapsed.TotalSeconds:F0} s");
        }

        // Let the queue close its finished partitions (its sweep runs every second).
        await Task.Delay(TimeSpan.FromSeconds(5));
        if (options.RecoveryOpen > 0)
        {
            await floor.FillBacklog(options.RecoveryOpen, "en", Priority.P3);
        }

        var queue = floor.Queue;
        await platform.StopSilo();
        await platform.StartSiloAgain();
        var first = Stopwatch.StartNew();
        var recovered = await connection.Work.GetQueueAsync(new GetQueueRequest { Name = queue.Name }, deadline: DateTime.UtcNow.AddMinutes(10));
        var firstCall = first.Elapsed;
        var log = RecoveredLine().Match(platform.Diagnostics());
        Console.WriteLine($"recovery after {completed} finished and {options.RecoveryOpen} waiting: depth {recovered.Depth}; " +
                          $"first GetQueue {firstCall.TotalMilliseconds:F0} ms; silo log: {(log.Success ? log.Value : "no recovery line found")}");
        return 0;
    }

    [GeneratedRegex(@"recovered \d+ items of its open partitions and \d+ closed partitions: read in \d+ ms, indexed by \d+ ms")]
    private static partial Regex RecoveredLine();
}
