using System.Diagnostics;

namespace Forum.Tests.Support;

/// <summary>
/// Waits for a real condition that nothing announces (another process's state, a row in a table), checking it every
/// tenth of a second until it holds or the deadline passes. Where a signal exists (a pushed board, a committed receipt),
/// await that instead.
/// </summary>
public static class Poll
{
    public static async Task Until(Func<Task<bool>> condition, TimeSpan within, Func<string> whatFailed)
    {
        var clock = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!await condition())
        {
            if (clock.Elapsed > within) throw new TimeoutException($"Not within {within.TotalSeconds:0.#} s: {whatFailed()}");
            await tick.WaitForNextTickAsync();
        }
    }
}
