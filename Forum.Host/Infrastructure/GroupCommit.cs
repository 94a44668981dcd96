using System.Diagnostics;
using System.Threading.Channels;
using Forum.Host.Sessions.SubmittingPositions;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace Forum.Host.Infrastructure;

/// <summary>
/// Positions accepted together are decided and stored together, in one transaction (ADR 0027, ADR 0030): what arrived while
/// the last group was being written is taken in arrival order, each session's share decided under that session's lock
/// (sessions in a fixed order, so two writers never wait on each other), its events appended and projected and a receipt
/// kept per submission, and all of it committed once. A room of 200 submitting at once costs a handful of commits, not
/// 200, and a screen sees a position one commit after it was sent. The caller's task completes with what became of its
/// submission once that commit is done (what makes the answer honest), and fails if the commit failed: nothing of the
/// group was stored, and each caller answers as its own failed commit would have.
///
/// A burst (more than <see cref="DecideAtOnce"/> together, a room submitting at once) is not decided here: deciding and
/// projecting 200 positions takes about 100 ms on two busy cores before any of them could be answered. It is stored in
/// Wolverine's durable inbox in one transaction (ADR 0027) and answered "Accepted", and the session's batch decides it.
/// </summary>
public sealed class GroupCommit(IDocumentStore store, StateCache cache, OutboxedSessionFactory outboxed, IWolverineRuntime runtime, TimeProvider clock,
    ILogger<GroupCommit> log, int decideAtOnce = GroupCommit.DecideAtOnce) : BackgroundService
{
    /// <summary>At most this many submissions per transaction; more waiting go in the next.</summary>
    public const int MaxBatch = 500;

    /// <summary>Groups up to this size are decided in the commit that stores them; larger ones go through the inbox.</summary>
    public const int DecideAtOnce = 32;

    private readonly Channel<(PositionSubmission Submission, TaskCompletionSource<Decided> Decided)> _waiting =
        // Not SingleReader: that channel cannot count what waits. Not synchronous continuations either: measured worse (ADR 0031).
        Channel.CreateUnbounded<(PositionSubmission, TaskCompletionSource<Decided>)>();

    /// <summary>Thrown to a caller that arrives once the host is stopping: nothing was stored, it may try again (503).</summary>
    public sealed class Stopping() : Exception("The server is restarting; nothing was stored.");

    /// <summary>Set when more than <see cref="DecideAtOnce"/> wait: a burst is building up behind the group being decided.</summary>
    private TaskCompletionSource _burst = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the submission is decided and committed (or, in a burst, stored); throws what the commit threw.</summary>
    public Task<Decided> Store(PositionSubmission submission)
    {
        var decided = new TaskCompletionSource<Decided>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_waiting.Writer.TryWrite((submission, decided))) decided.SetException(new Stopping());
        else if (_waiting.Reader.Count > decideAtOnce) Volatile.Read(ref _burst).TrySetResult();
        return decided.Task;
    }

    /// <summary>
    /// One group decided at a time. While one is, what arrives waits for it and forms the next group, unless a burst builds
    /// up: that is stored in the inbox at once, beside the decision under way (the inbox needs no lock of the session, and
    /// a member's earlier submission decided after a later one is superseded, so the order of the two ways does not matter).
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var deciding = Task.CompletedTask;
        try
        {
            while (await _waiting.Reader.WaitToReadAsync(stopping))
            {
                if (!deciding.IsCompleted)
                {
                    await Task.WhenAny(deciding, Volatile.Read(ref _burst).Task);
                    if (!deciding.IsCompleted && _waiting.Reader.Count <= decideAtOnce)
                    {
                        // The signal of a burst already taken: wait again (a signal lost here only makes the next wait longer).
                        Volatile.Write(ref _burst, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                        continue;
                    }
                }
                var group = Take();
                if (group.Count > decideAtOnce)
                {
                    Volatile.Write(ref _burst, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                    await Write(group);
                }
                else
                {
                    await deciding;
                    deciding = Write(group);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            await deciding;
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
        while (_waiting.Reader.TryPeek(out _)) await Write(Take());
    }

    private List<(PositionSubmission Submission, TaskCompletionSource<Decided> Decided)> Take()
    {
        var group = new List<(PositionSubmission Submission, TaskCompletionSource<Decided> Decided)>(Math.Min(_waiting.Reader.Count, MaxBatch));
        while (group.Count < MaxBatch && _waiting.Reader.TryRead(out var next)) group.Add(next);
        return group;
    }

    /// <summary>Decides and stores a group, or queues a burst, and tells each caller; never throws.</summary>
    private async Task Write(List<(PositionSubmission Submission, TaskCompletionSource<Decided> Decided)> group)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            if (group.Count > decideAtOnce)
            {
                await Queue(group.Select(b => b.Submission));
                foreach (var b in group) b.Decided.TrySetResult(new Decided(b.Submission, SubmissionStatus.Accepted, null));
                log.LogDebug("Stored {Count} positions in the inbox in {Milliseconds:F1} ms", group.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            else
            {
                var decided = await PositionSubmissionHandler.DecideAndStore(store, cache, group.Select(b => b.Submission), clock.GetUtcNow());
                foreach (var b in group) b.Decided.TrySetResult(decided[b.Submission.SubmissionId]);
                log.LogDebug("Decided and stored {Count} positions in {Milliseconds:F1} ms", group.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        catch (Exception e) when (PositionSubmissionHandler.RefusedForItsData(e) && group.Count <= decideAtOnce)
        {
            // What one of them holds the store will never take: each alone, so that only that one is refused, with a receipt that says why.
            log.LogWarning(e, "The store refused a group of {Count} positions; storing them one by one", group.Count);
            foreach (var b in group)
            {
                try
                {
                    b.Decided.TrySetResult(await PositionSubmissionHandler.DecideAlone(store, cache, b.Submission, clock.GetUtcNow(), log));
                }
                catch (Exception alone)
                {
                    b.Decided.TrySetException(alone);
                }
            }
        }
        catch (Exception e)
        {
            // Nothing of this group was stored: each caller answers as its own failed commit would have.
            log.LogWarning(e, "Could not store {Count} positions", group.Count);
            foreach (var b in group) b.Decided.TrySetException(e);
        }
    }

    /// <summary>Into the durable inbox, in arrival order, in one transaction: the session's batch decides them (ADR 0007, 0027).</summary>
    private async Task Queue(IEnumerable<PositionSubmission> group)
    {
        var context = new MessageContext(runtime);
        await using var session = outboxed.OpenSession(context);
        foreach (var submission in group) await context.PublishAsync(submission);
        await session.SaveChangesAsync();
        await context.FlushOutgoingMessagesAsync();
    }
}
