using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Domain.Sessions;
using Forum.Domain.Sessions.Positions;
using Forum.Host.Infrastructure;
using Forum.Projections.Sessions;
using Marten;
using Npgsql;
using Wolverine;
using Wolverine.Attributes;

namespace Forum.Host.Sessions.SubmittingPositions;

/// <summary>Sent to the submitter when a position accepted at the door was refused when its turn came.</summary>
public sealed record SubmissionRefused(Guid SessionId, Guid SubmissionId, Guid AccountId, string Rule, string Detail);

public static class PositionSubmissionHandler
{
    /// <summary>
    /// One batch per session slot (ADR 0007). Per session, in one transaction: lock the stream, drop submissions already seen
    /// (retries, repeats inside the batch), decide each in order against the member's position as it stands (so an earlier
    /// submission never lands on a later one, ADR 0013), append all in one go, and keep a receipt for each. If the store
    /// refuses the batch for what one submission holds, each is tried alone, so the others are applied and only that one
    /// is refused — with a receipt that says why.
    /// </summary>
    [NonTransactional]
    public static async Task<OutgoingMessages> Handle(PositionSubmission[] batch, IDocumentStore store, StateCache cache, TimeProvider clock,
        ILogger<PositionSubmission> log)
    {
        var outgoing = new OutgoingMessages();
        // Sessions in a fixed order, so two batches never wait on each other's locks.
        foreach (var group in batch.GroupBy(b => b.SessionId).OrderBy(g => g.Key))
        {
            try
            {
                outgoing.AddRange(await Apply(store, cache, group.Key, group.ToList(), clock.GetUtcNow()));
            }
            catch (PostgresException e) when (e.SqlState.StartsWith("22") && group.Count() > 1)
            {
                log.LogWarning(e, "The store refused a batch of {Count} positions for session {SessionId}; applying them one by one", group.Count(), group.Key);
                foreach (var one in group) outgoing.AddRange(await ApplyAlone(store, cache, one, clock.GetUtcNow(), log));
            }
        }
        return outgoing;
    }

    private static async Task<IReadOnlyList<object>> ApplyAlone(IDocumentStore store, StateCache cache, PositionSubmission m, DateTimeOffset now,
        ILogger log)
    {
        try
        {
            return await Apply(store, cache, m.SessionId, [m], now);
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("22"))
        {
            log.LogWarning(e, "The store refused submission {SubmissionId}", m.SubmissionId);
            var refusal = Rejection.Invalid("statement", "position-unstorable", "This position could not be stored as sent; send it again without unusual characters.");
            await using var session = store.LightweightSession();
            session.Store(Receipt(m, now, SubmissionStatus.Refused, refusal));
            await session.SaveChangesAsync();
            return [new SubmissionRefused(m.SessionId, m.SubmissionId, m.AccountId, refusal.Rule, refusal.Detail)];
        }
    }

    private static async Task<IReadOnlyList<object>> Apply(IDocumentStore store, StateCache cache, Guid sessionId, IReadOnlyList<PositionSubmission> batch,
        DateTimeOffset now)
    {
        var outgoing = new List<object>();
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForExclusiveWriting<SessionState>(sessionId);
        var seen = (await session.LoadManyAsync<PositionReceipt>(batch.Select(b => b.SubmissionId).Distinct())).Select(r => r.Id).ToHashSet();
        var state = stream.Aggregate;
        var forum = state is null ? null : await cache.Forum(session, state.ForumId);
        var current = forum is null ? [] : await Current(session, forum, sessionId, batch);
        var events = new List<object>();
        foreach (var m in batch)
        {
            if (!seen.Add(m.SubmissionId)) continue;
            var key = (m.ItemId, MemberOf(forum, m));
            var verdict = state is null || forum is null
                ? Verdict.Reject(SessionRules.SessionNotFound(m.SessionId))
                : PositionRules.Submit(forum, state, current.GetValueOrDefault(key), m.Command, m.Actor, now);
            if (verdict.Rejection is { } r)
            {
                var superseded = r.Rule == PositionRules.Superseded;
                session.Store(Receipt(m, now, superseded ? SubmissionStatus.Superseded : SubmissionStatus.Refused, r));
                // A superseded submission is old news to its sender, who sees their later position on the board.
                if (!superseded) outgoing.Add(new SubmissionRefused(m.SessionId, m.SubmissionId, m.AccountId, r.Rule, r.Detail));
                continue;
            }
            session.Store(Receipt(m, now, verdict.Events.Count > 0 ? SubmissionStatus.Applied : SubmissionStatus.Unchanged, null));
            foreach (var p in verdict.Events.OfType<PositionSubmitted>()) current[(p.ItemId, p.MemberId)] = new PositionState(p.Stance, p.Statement, p.At);
            events.AddRange(verdict.Events);
        }
        if (events.Count > 0) stream.AppendMany(events);
        await session.SaveChangesAsync();
        return outgoing;
    }

    /// <summary>The positions the batch's members hold on its items, as the board's parts have them (read under the session's lock).</summary>
    private static async Task<Dictionary<(Guid ItemId, Guid MemberId), PositionState>> Current(IQuerySession session, ForumState forum, Guid sessionId,
        IEnumerable<PositionSubmission> batch)
    {
        var keys = batch.Select(m => (m.ItemId, MemberId: MemberOf(forum, m))).Where(k => k.MemberId != Guid.Empty)
            .Select(k => BoardKeys.Position(sessionId, k.ItemId, k.MemberId)).Distinct().ToArray();
        var positions = keys.Length == 0 ? [] : await session.LoadManyAsync<BoardPosition>(keys);
        return positions.ToDictionary(p => (p.ItemId, p.MemberId), p => p.AsState());
    }

    private static Guid MemberOf(ForumState? forum, PositionSubmission m) => m.OnBehalfOf ?? forum?.MemberByEmail(m.Email)?.MemberId ?? Guid.Empty;

    private static PositionReceipt Receipt(PositionSubmission m, DateTimeOffset now, SubmissionStatus status, Rejection? r) => new()
    {
        Id = m.SubmissionId, SessionId = m.SessionId, ItemId = m.ItemId, AccountId = m.AccountId, At = now, Status = status, Rule = r?.Rule, Detail = r?.Detail,
    };
}
