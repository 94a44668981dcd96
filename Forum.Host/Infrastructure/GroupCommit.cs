using System.Diagnostics;
using System.Threading.Channels;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace Forum.Host.Infrastructure;

/// <summary>
/// Messages accepted together are stored durably together (ADR 0027): one transaction for all that arrived while the last
/// one was being written, instead of one connection, transaction and commit per request. A room of 200 submitting at
/// once then costs a handful of commits, not 200. The caller's task completes only once its message is committed in
/// Wolverine's durable inbox (what makes a 202 an honest acknowledgement, ADR 0007), and fails if that commit failed; in
/// either case the messages go on exactly as if each request had stored its own: the same envelopes, routed the same way,
/// in the order they were accepted.
/// </summary>
public sealed class GroupCommit(OutboxedSessionFactory sessions, IWolverineRuntime runtime, ILogger<GroupCommit> log) : BackgroundService
{
    /// <summary>At most this many messages per transaction; more waiting go in the next.</summary>
    public const int MaxBatch = 500;

    private readonly Channel<(object Message, TaskCompletionSource Stored)> _waiting =
        Channel.CreateUnbounded<(object, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Thrown to a caller that arrives once the host is stopping: nothing was stored, it may try again (503).</summary>
    public sealed class Stopping() : Exception("The server is restarting; nothing was stored.");

    private readonly List<(object Message, TaskCompletionSource Stored)> _batch = new(MaxBatch);

    /// <summary>Completes once the message is committed to the durable inbox; throws what the commit threw.</summary>
    public Task Store(object message)
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_waiting.Writer.TryWrite((message, stored))) stored.SetException(new Stopping());
        return stored.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        try
        {
            while (await _waiting.Reader.WaitToReadAsync(stopping)) await WriteWaiting();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Takes no more, and stores what was accepted at the door before now: after the loop has ended (a commit is not cut
    /// short), also when it never ran (a stop right after the start).
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _waiting.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        while (_waiting.Reader.TryPeek(out _)) await WriteWaiting();
    }

    private async Task WriteWaiting()
    {
        while (_batch.Count < MaxBatch && _waiting.Reader.TryRead(out var next)) _batch.Add(next);
        try
        {
            var started = Stopwatch.GetTimestamp();
            await Commit(_batch.Select(b => b.Message));
            foreach (var b in _batch) b.Stored.TrySetResult();
            log.LogDebug("Stored {Count} accepted messages in {Milliseconds:F1} ms", _batch.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e)
        {
            // Nothing of this batch was acknowledged: each caller answers as its own failed commit would have.
            log.LogWarning(e, "Could not store {Count} accepted messages", _batch.Count);
            foreach (var b in _batch) b.Stored.TrySetException(e);
        }
        _batch.Clear();
    }

    private async Task Commit(IEnumerable<object> messages)
    {
        var context = new MessageContext(runtime);
        await using var session = sessions.OpenSession(context);
        foreach (var message in messages) await context.PublishAsync(message);
        await session.SaveChangesAsync();
        await context.FlushOutgoingMessagesAsync();
    }
}
