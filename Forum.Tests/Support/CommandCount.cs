using System.Diagnostics;

namespace Forum.Tests.Support;

/// <summary>
/// Counts the commands Npgsql runs whose statement matches (its traces): tests name their collection's schema in the
/// match, since the collections run side by side with schemas of their own and each runs one test at a time.
/// </summary>
public sealed class CommandCount : IDisposable
{
    private readonly ActivityListener _listener;
    private int _count;

    public CommandCount(Func<string, bool> matches)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.GetTagItem("db.statement") is string sql && matches(sql)) Interlocked.Increment(ref _count);
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public int Value => Volatile.Read(ref _count);
    public void Dispose() => _listener.Dispose();
}
