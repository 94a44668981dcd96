using System.Collections.Concurrent;
using Forum.Host.Sessions.SubmittingPositions;
using Marten;
using Marten.Services;

namespace Forum.Tests.Support;

/// <summary>
/// Completes when a position's receipt commits. A 202 is given once the receipt is committed (ADR 0030), so this has
/// completed by then; submissions put into the inbox (as an earlier version left them) are decided by a batch, which
/// Wolverine's tracked sessions do not follow, so tests await this signal instead of polling or sleeping.
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
