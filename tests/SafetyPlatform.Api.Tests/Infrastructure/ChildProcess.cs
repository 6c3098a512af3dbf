using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace SafetyPlatform.Api.Tests.Infrastructure;

/// <summary>
/// A process the tests start (Azurite, a silo, the gateway): its output kept for failure
/// reports, stopped gracefully (SIGTERM) or killed by its own PID, and killed in any case
/// when the test host exits.
/// </summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillNow();
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The last lines the process printed, for assertion messages.</summary>
    public string Tail()
    {
        lock (_gate)
        {
            var text = new StringBuilder().AppendLine($"--- last output of {Name} (pid {Pid}) ---");
            foreach (var line in _tail)
            {
                text.AppendLine(line);
            }

            return text.ToString();
        }
    }

    /// <summary>Asks the process to shut down gracefully (SIGTERM), without waiting.</summary>
    public void Terminate()
    {
        if (!_process.HasExited)
        {
            _ = SendSignal(_process.Id, SigTerm);
        }
    }

    /// <summary>SIGTERM, then a kill if it has not exited within <paramref name="grace"/>.</summary>
    public async Task Stop(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        Terminate();
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            KillNow();
            await _process.WaitForExitAsync();
        }
    }

    public void KillNow()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Stop(TimeSpan.FromSeconds(15));
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _tail.Enqueue(line);
            while (_tail.Count > 300)
            {
                _tail.Dequeue();
            }
        }
    }

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
