using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Forum.Bench;

/// <summary>
/// Another .NET process's managed heap, as its runtime reports it (the System.Runtime counters "gc-heap-size", MB, and
/// "gc-committed", MB), read over the diagnostics port — what dotnet-counters shows, without a tool to install.
/// </summary>
public static class GcHeap
{
    public sealed record Reading(double HeapMiB, double CommittedMiB);

    public static Reading? Read(int pid, TimeSpan within)
    {
        if (pid <= 0) return null;
        try
        {
            var client = new DiagnosticsClient(pid);
            var provider = new EventPipeProvider("System.Runtime", EventLevel.Informational, (long)EventKeywords.None,
                new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" });
            using var session = client.StartEventPipeSession([provider], requestRundown: false);
            double? heap = null, committed = null;
            using var source = new EventPipeEventSource(session.EventStream);
            source.Dynamic.All += e =>
            {
                if (e.EventName != "EventCounters" || e.PayloadValue(0) is not IDictionary<string, object> outer
                    || !outer.TryGetValue("Payload", out var inner) || inner is not IDictionary<string, object> payload) return;
                var name = payload.TryGetValue("Name", out var n) ? n as string : null;
                var value = Convert.ToDouble(payload.TryGetValue("Mean", out var mean) ? mean : payload.TryGetValue("Increment", out var inc) ? inc : 0.0);
                if (name == "gc-heap-size") heap = value;
                else if (name == "gc-committed") committed = value;
                if (heap is not null && committed is not null) source.StopProcessing();
            };
            var reading = Task.Run(source.Process);
            reading.Wait(within);
            session.Stop();
            return heap is null ? null : new Reading(heap.Value, committed ?? double.NaN);
        }
        catch (Exception e) when (e is ServerNotAvailableException or UnsupportedCommandException or TimeoutException or IOException)
        {
            Log.Info($"no runtime counters from pid {pid}: {e.Message}");
            return null;
        }
    }
}
