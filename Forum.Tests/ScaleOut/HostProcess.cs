using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Forum.Tests.Support;

namespace Forum.Tests.ScaleOut;

/// <summary>
/// A Forum host as its own OS process, running the built Forum.Host.dll as a deployment does, so that a test can stop it
/// (SIGTERM) or kill it (SIGKILL, as <c>kill -9</c>) for real. It keeps its port across restarts: the proxy in front
/// knows each host by address.
/// </summary>
public sealed partial class HostProcess(string name, IReadOnlyDictionary<string, string> settings, string workDirectory) : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;
    private string? _pidFile;

    public string Name { get; } = name;
    public int Port { get; } = FreePort();
    public Uri Address => new($"http://127.0.0.1:{Port}/");
    public bool Running => _process is { HasExited: false };

    /// <summary>Wolverine's id for this run of the host (a new one each start), as the host logs it when its agents start.</summary>
    public Guid? NodeId { get; private set; }
    private HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Starts the process and completes when it answers ready (PostgreSQL and Redis reachable, schema applied).</summary>
    public async Task Start()
    {
        Directory.CreateDirectory(workDirectory);
        NodeId = null;
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            // A handler added since scripts/codegen.sh is compiled at start and its code written under ./Internal/Generated:
            // keep that out of the tree.
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Checkout.HostDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{Port}");
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        if (Environment.GetEnvironmentVariable("FORUM_TEST_PIDS") is { Length: > 0 } pids)
            File.WriteAllText(_pidFile = Path.Combine(pids, $"{Name}-{process.Id}.pid"), process.Id.ToString());

        var ready = new Uri(Address, "health/ready");
        try
        {
            // Generous: a busy machine starts a host slowly.
            await Poll.Until(async () =>
            {
                if (process.HasExited) throw new InvalidOperationException($"{Name} exited with {process.ExitCode}:\n{Tail()}");
                try
                {
                    using var answer = await Http.GetAsync(ready);
                    return answer.IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return false; }
            }, TimeSpan.FromMinutes(3), () => $"{Name} was not ready:\n{Tail()}");
        }
        catch
        {
            // Not left half started: the next test starts it afresh.
            await Kill();
            throw;
        }
    }

    /// <summary>SIGKILL: the process ends at once, with nothing flushed or handed over.</summary>
    public async Task Kill()
    {
        if (_process is not { } p) return;
        p.Kill();
        await Exited(p);
    }

    /// <summary>SIGTERM: the host shuts down as a deployment stops it, and leaves the cluster cleanly.</summary>
    public async Task Stop()
    {
        if (_process is not { HasExited: false } p) return;
        if (SendSignal(p.Id, 15) != 0) p.Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try { await p.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { p.Kill(); }
        await Exited(p);
    }

    private async Task Exited(Process p)
    {
        await p.WaitForExitAsync();
        if (_pidFile is not null) File.Delete(_pidFile);
        _pidFile = null;
    }

    /// <summary>The last lines the host wrote, for a failure message.</summary>
    public string Tail(int lines = 60) => string.Join('\n', _output.TakeLast(lines));

    private void Keep(string? line)
    {
        if (line is null) return;
        if (NodeLine().Match(line) is { Success: true } node) NodeId = Guid.Parse(node.Groups[1].Value);
        _output.Enqueue($"[{Name}] {line}");
        if (Environment.GetEnvironmentVariable("FORUM_TEST_HOST_LOGS") is { Length: > 0 } logs)
            lock (_output) File.AppendAllText(Path.Combine(logs, $"{Name}.log"), $"{DateTime.Now:HH:mm:ss.fff} {line}\n");
        while (_output.Count > 500) _output.TryDequeue(out _);
    }

    [GeneratedRegex("Starting agents for Node ([0-9a-f-]{36})")]
    private static partial Regex NodeLine();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public static int FreePort()
    {
        using var l = new TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await Stop();
        _process?.Dispose();
        Http.Dispose();
    }
}
