using System.Diagnostics;
using System.Globalization;

/// <summary>
/// A thread that asks to sleep for 1 ms, over and over, and notes each time it woke 10 ms or more late:
/// the moments when this machine ran nothing of ours at all. On a shared virtual machine those stalls
/// (the host's or the kernel's work, not the platform's) set a floor under every tail latency measured
/// in the same phase, so the benchmark prints them beside the tail.
/// </summary>
internal sealed class StallProbe : IDisposable
{
    private static readonly long Threshold = Stopwatch.Frequency / 100;

    private readonly Thread _thread;
    private readonly TimeSpan _gcPauseAtStart = GC.GetTotalPauseDuration();
    private volatile bool _stopped;
    private long _count;
    private long _total;
    private long _longest;

    private StallProbe()
    {
        _thread = new Thread(Watch) { IsBackground = true, Name = "stall probe", Priority = ThreadPriority.Highest };
    }

    public static StallProbe Start()
    {
        var probe = new StallProbe();
        probe._thread.Start();
        return probe;
    }

    public void Print(TimeSpan phase)
    {
        var count = Interlocked.Read(ref _count);
        var gc = GC.GetTotalPauseDuration() - _gcPauseAtStart;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  stalls: a thread sleeping 1 ms in the load generator woke ≥ 10 ms late {count} times " +
            $"({(count == 0 ? "none" : $"one every {phase.TotalSeconds / count:F2} s")}, longest {Ms(Interlocked.Read(ref _longest))} ms, " +
            $"{Ms(Interlocked.Read(ref _total))} ms in all); the load generator's own GC pauses: {gc.TotalMilliseconds:F0} ms in all"));
    }

    public void Dispose()
    {
        _stopped = true;
        _thread.Join();
    }

    private void Watch()
    {
        var expected = Stopwatch.Frequency / 1000;
        while (!_stopped)
        {
            var before = Stopwatch.GetTimestamp();
            Thread.Sleep(1);
            var late = Stopwatch.GetTimestamp() - before - expected;
            if (late < Threshold)
            {
                continue;
            }

            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _total, late);
            if (late > Interlocked.Read(ref _longest))
            {
                Interlocked.Exchange(ref _longest, late);
            }
        }
    }

    private static string Ms(long ticks) => (ticks * 1000.0 / Stopwatch.Frequency).ToString("F0", CultureInfo.InvariantCulture);
}
