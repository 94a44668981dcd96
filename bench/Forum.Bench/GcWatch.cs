using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Forum.Bench;

/// <summary>What a server's garbage collector did during one run (<c>--gc</c>): collections by generation, the time the
/// runtime was stopped for them, what gen0 collections kept alive, and the types allocated most (sampled every ~100 KB).</summary>
public sealed record GcRun(string System, int Size, int Rep, int Gen0, int Gen1, int Gen2, double PausedMs, double LongestPauseMs,
    double AllocatedMiB, double PromotedMiB, List<GcType> Top);

public sealed record GcType(string Type, double MiB);

/// <summary>
/// Watches one .NET process's GC events over the diagnostics port while a run goes on (the runtime's own EventPipe: the
/// GC keyword at verbose level, which includes the allocation ticks), and sums them when it stops.
/// </summary>
public sealed class GcWatch
{
    private readonly EventPipeSession _session;
    private readonly Task _reading;
    private readonly Dictionary<string, long> _byType = [];
    private readonly int[] _gens = new int[3];
    private double _suspendedAt = double.NaN, _paused, _longest;
    private long _allocated, _promoted;

    private GcWatch(int pid)
    {
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GC);
        _session = new DiagnosticsClient(pid).StartEventPipeSession([provider], requestRundown: false);
        var source = new EventPipeEventSource(_session.EventStream);
        source.Clr.GCStart += e => { if (e.Depth is >= 0 and <= 2) _gens[e.Depth]++; };
        source.Clr.GCSuspendEEStart += e => _suspendedAt = e.TimeStampRelativeMSec;
        source.Clr.GCRestartEEStop += e =>
        {
            if (double.IsNaN(_suspendedAt)) return;
            var pause = e.TimeStampRelativeMSec - _suspendedAt;
            _paused += pause;
            _longest = Math.Max(_longest, pause);
            _suspendedAt = double.NaN;
        };
        source.Clr.GCAllocationTick += e =>
        {
            _allocated += e.AllocationAmount64;
            var type = e.TypeName ?? "?";
            _byType[type] = _byType.GetValueOrDefault(type) + e.AllocationAmount64;
        };
        source.Clr.GCHeapStats += e => _promoted += e.TotalPromotedSize0;
        _reading = Task.Run(() => { using (source) source.Process(); });
    }

    public static GcWatch? Start(int pid)
    {
        try { return pid > 0 ? new GcWatch(pid) : null; }
        catch (Exception e) when (e is ServerNotAvailableException or UnsupportedCommandException or TimeoutException or IOException)
        {
            Log.Info($"no GC events from pid {pid}: {e.Message}");
            return null;
        }
    }

    public async Task<GcRun> Stop(string system, int size, int rep)
    {
        try { _session.Stop(); } catch (Exception e) when (e is ServerNotAvailableException or IOException or TimeoutException) { }
        await Task.WhenAny(_reading, Task.Delay(TimeSpan.FromSeconds(10)));
        _session.Dispose();
        const double MiB = 1024 * 1024;
        var top = _byType.OrderByDescending(t => t.Value).Take(12).Select(t => new GcType(t.Key, t.Value / MiB)).ToList();
        return new GcRun(system, size, rep, _gens[0], _gens[1], _gens[2], _paused, _longest, _allocated / MiB, _promoted / MiB, top);
    }
}
