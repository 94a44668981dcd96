using System.Diagnostics;

namespace Forum.Bench;

public static class Clock
{
    public static long Now => Stopwatch.GetTimestamp();
    public static double Ms(long fromTicks, long toTicks) => (toTicks - fromTicks) * 1000.0 / Stopwatch.Frequency;
    public static long Ticks(double ms) => (long)(ms * Stopwatch.Frequency / 1000.0);

    /// <summary>Waits until a monotonic instant: sleeps while far, yields in the last couple of milliseconds.</summary>
    public static async Task Until(long ticks, CancellationToken ct = default)
    {
        while (true)
        {
            var left = Ms(Now, ticks);
            if (left <= 0) return;
            if (left > 3) await Task.Delay(TimeSpan.FromMilliseconds(left - 2), ct);
            else await Task.Yield();
        }
    }
}

public static class Percentile
{
    /// <summary>Nearest-rank percentile of a sorted list; NaN when empty.</summary>
    public static double Of(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0) return double.NaN;
        var rank = (int)Math.Ceiling(q * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static double Median(IEnumerable<double> values)
    {
        var v = values.Where(x => !double.IsNaN(x)).Order().ToList();
        if (v.Count == 0) return double.NaN;
        return v.Count % 2 == 1 ? v[v.Count / 2] : (v[v.Count / 2 - 1] + v[v.Count / 2]) / 2;
    }
}

/// <summary>p50/p99/p99.9/max of a set of latencies in ms.</summary>
public sealed record Dist(int Count, double P50, double P99, double P999, double Max)
{
    public static Dist Of(IEnumerable<double> values)
    {
        var v = values.Order().ToList();
        return new Dist(v.Count, Percentile.Of(v, 0.50), Percentile.Of(v, 0.99), Percentile.Of(v, 0.999), v.Count == 0 ? double.NaN : v[^1]);
    }
}
