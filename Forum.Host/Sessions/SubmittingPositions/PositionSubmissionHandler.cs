using Forum.Domain.Common;
using Forum.Domain.Sessions;
using Forum.Domain.Sessions.Positions;
using Forum.Host.Infrastructure;
using Marten;
using Wolverine;

namespace Forum.Host.Sessions.SubmittingPositions;

/// <summary>Sent to the submitter when a position accepted at the door was refused when its turn came.</summary>
public sealed record SubmissionRefused(Guid SessionId, Guid SubmissionId, Guid AccountId, string Rule, string Detail);

public static class PositionSubmissionHandler
{
    /// <summary>
    /// One batch per session slot: lock the stream, drop submissions already seen (retries, repeats inside the batch),
    /// decide each in order against the state as it changes, append all in one go, and keep a receipt for each —
    /// in the same transaction as the append.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(PositionSubmission[] batch, IDocumentSession session, StateCache cache, TimeProvider clock)
    {
        var outgoing = new OutgoingMessages();
        var now = clock.GetUtcNow();
        var ids = batch.Select(b => b.SubmissionId).Distinct().ToArray();
        var seen = (await session.LoadManyAsync<PositionReceipt>(ids)).Select(r => r.Id).ToHashSet();
        // Sessions in a fixed order, so two batches never wait on each other's locks.
        foreach (var group in batch.GroupBy(b => b.SessionId).OrderBy(g => g.Key))
        {
            var stream = await session.Events.FetchForExclusiveWriting<SessionState>(group.Key);
            var state = stream.Aggregate;
            var forum = state is null ? null : await cache.Forum(session, state.ForumId);
            var events = new List<object>();
            foreach (var m in group)
            {
                if (!seen.Add(m.SubmissionId)) continue;
                var verdict = state is null || forum is null
                    ? Verdict.Reject(SessionRules.SessionNotFound(m.SessionId))
                    : PositionRules.Submit(forum, state, m.Command, m.Actor, now);
                var receipt = new PositionReceipt { Id = m.SubmissionId, SessionId = m.SessionId, ItemId = m.ItemId, AccountId = m.AccountId, At = now };
                if (verdict.Rejection is { } r)
                {
                    receipt.Status = SubmissionStatus.Refused;
                    receipt.Rule = r.Rule;
                    receipt.Detail = r.Detail;
                    outgoing.Add(new SubmissionRefused(m.SessionId, m.SubmissionId, m.AccountId, r.Rule, r.Detail));
                }
                else
                {
                    receipt.Status = verdict.Events.Count > 0 ? SubmissionStatus.Applied : SubmissionStatus.Unchanged;
                    events.AddRange(verdict.Events);
                    state = state!.Fold(verdict.Events);
                }
                session.Store(receipt);
            }
            if (events.Count > 0) stream.AppendMany(events);
        }
        return outgoing;
    }
}
