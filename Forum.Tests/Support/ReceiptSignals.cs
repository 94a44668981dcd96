using System.Collections.Concurrent;
using Forum.Host.Sessions.SubmittingPositions;
using Marten;
using Marten.Services;

namespace Forum.Tests.Support;

/// <summary>
/// Completes when a position's receipt commits: batched positions are decided after the 202, and Wolverine's tracked
/// sessions do not follow a message into a batch, so tests await this signal instead of polling or sleeping.
/// </summary>
public sealed class ReceiptSignals : DocumentSessionListenerBase
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<PositionReceipt>> _waiting = new();

    private TaskCompletionSource<PositionReceipt> For(Guid id) =>
        _waiting.GetOrAdd(id, _ => new TaskCompletionSource<PositionReceipt>(TaskCreationOptions.RunContinuationsAsynchronously));

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var receipt in commit.Inserted.Concat(commit.Updated).OfType<PositionReceipt>())
            For(receipt.Id).TrySetResult(receipt);
        return Task.CompletedTask;
    }

    public Task<PositionReceipt> WaitFor(Guid submissionId) => For(submissionId).Task.WaitAsync(TimeSpan.FromSeconds(30));
}
