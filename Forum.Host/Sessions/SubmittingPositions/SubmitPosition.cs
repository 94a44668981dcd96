using System.Security.Cryptography;
using System.Text;
using Forum.Domain.Sessions.Positions;
using Forum.Projections.Sessions;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Wolverine.Attributes;

namespace Forum.Host.Sessions.SubmittingPositions;

// A position's whole way in (ADR 0007, 0013, 0030): the door check, the group commit that decides and appends under the
// session's lock and answers, and the receipt that says what became of each submission.

public sealed record PositionRequest(Stance? Stance, string? Statement, Guid? OnBehalfOf);

public interface ISessionMessage
{
    Guid SessionId { get; }
}

/// <summary>A position accepted at the door, decided in the group commit, or queued for its session's batch in a burst (ADR 0030).</summary>
public sealed record PositionSubmission(Guid SessionId, Guid ItemId, Guid SubmissionId, Guid AccountId, string Email, bool IsAdministrator,
    Stance Stance, string? Statement, Guid? OnBehalfOf, DateTimeOffset AcceptedAt) : ISessionMessage
{
    public Actor Actor => new(AccountId, Email, IsAdministrator);
    public SubmitPosition Command => new(ItemId, Stance, Statement, OnBehalfOf, SubmissionId, AcceptedAt);
}

public static class SubmitPositionEndpoint
{
    /// <summary>The door check reads the newest committed session this host has (no lock): the batch decides again under the lock.</summary>
    public static Task<SessionState?> LoadAsync(Guid sessionId, StateCache cache, IDocumentSession store) => cache.Session(store, sessionId, StateCache.ForDoors);

    /// <summary>
    /// Checks what can be checked against the session as it stands, then hands the submission to the group commit, which
    /// decides it again under the session's lock with those that arrived with it and stores them in one transaction
    /// (ADR 0027, 0030), and answers with what became of it: 202 and its status, or the rule that refused it at its turn. In a
    /// burst it is stored in the durable inbox instead and answered 202 "Accepted", to be decided by the session's batch.
    /// Same Idempotency-Key, same submission.
    /// </summary>
    [WolverinePost("/api/sessions/{sessionId}/items/{itemId}/positions"), Tags("Live session")]
    public static async Task<IResult> Post(Guid itemId, PositionRequest r, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        SessionState session, [NotBody] SessionCaller caller, TimeProvider clock, GroupCommit durably)
    {
        var key = idempotencyKey ?? "";
        if (key.Length > 200)
            return Problems.Of(Rejection.Invalid("Idempotency-Key", "field-too-long", "The Idempotency-Key header may be at most 200 characters."));
        var actor = caller.Actor;
        var submissionId = key.Length > 0 ? SubmissionIdFor(actor.AccountId, session.Id, key) : Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var message = new PositionSubmission(session.Id, itemId, submissionId, actor.AccountId, actor.Email, actor.IsAdministrator,
            r.Stance ?? default, r.Statement, r.OnBehalfOf, now);
        // Everything but the member's current position is checked here; the batch decides again with it, under the lock.
        var check = PositionRules.Submit(caller.Forum, session, null, message.Command with { Stance = r.Stance }, actor, now);
        if (check.Rejection is { } rejection) return Problems.Of(rejection);
        // Decided and committed with the others that came with it, or (a burst) stored for the batch (ADR 0030): a refusal at
        // its turn is answered here, or by its receipt and a push.
        var decided = await durably.Store(message);
        if (decided is { Status: SubmissionStatus.Refused, Rejection: { } refused }) return Problems.Of(refused);
        return Results.Accepted($"/api/sessions/{session.Id}/submissions/{submissionId}", new { submissionId, status = decided.Status.ToString() });
    }

    private static Guid SubmissionIdFor(Guid accountId, Guid sessionId, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{accountId:N}/{sessionId:N}/{key}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}

/// <summary>Sent to the submitter when a position accepted at the door was refused when its turn came.</summary>
public sealed record SubmissionRefused(Guid SessionId, Guid SubmissionId, Guid AccountId, string Rule, string Detail);

public static class PositionSubmissionHandler
{
    /// <summary>
    /// Submissions stored in the durable inbox: a burst the group commit did not decide itself (ADR 0030), or what an earlier
    /// version left there (ADR 0007); one batch per session slot. Per session, in one transaction: lock the stream, drop submissions already seen
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
                outgoing.AddRange(Refusals((await DecideAndStore(store, cache, group, clock.GetUtcNow())).Values));
            }
            catch (Exception e) when (RefusedForItsData(e) && group.Count() > 1)
            {
                log.LogWarning(e, "The store refused a batch of {Count} positions for session {SessionId}; applying them one by one", group.Count(), group.Key);
                foreach (var one in group) outgoing.AddRange(Refusals([await DecideAlone(store, cache, one, clock.GetUtcNow(), log)]));
            }
        }
        return outgoing;
    }

    /// <summary>
    /// Decides the submissions and stores what became of them in one transaction: each session's share under its lock, the
    /// sessions in a fixed order (so two writers never wait on each other's locks).
    /// </summary>
    public static async Task<Dictionary<Guid, Decided>> DecideAndStore(IDocumentStore store, StateCache cache, IEnumerable<PositionSubmission> submissions,
        DateTimeOffset now)
    {
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(CancellationToken.None);
        var decided = new Dictionary<Guid, Decided>();
        foreach (var share in submissions.GroupBy(m => m.SessionId).OrderBy(g => g.Key))
            foreach (var (id, d) in await Decide(session, cache, share.Key, share.ToList(), now)) decided[id] = d;
        await session.SaveChangesAsync();
        return decided;
    }

    /// <summary>One submission in a transaction of its own; if the store will not take its data, a receipt says so.</summary>
    public static async Task<Decided> DecideAlone(IDocumentStore store, StateCache cache, PositionSubmission m, DateTimeOffset now, ILogger log)
    {
        try
        {
            return (await DecideAndStore(store, cache, [m], now))[m.SubmissionId];
        }
        catch (Exception e) when (RefusedForItsData(e))
        {
            log.LogWarning(e, "The store refused submission {SubmissionId}", m.SubmissionId);
            var refusal = Rejection.Invalid("statement", "position-unstorable", "This position could not be stored as sent; send it again without unusual characters.");
            await using var session = store.LightweightSession();
            session.Store(Receipt(m, now, SubmissionStatus.Refused, refusal));
            await session.SaveChangesAsync();
            return new Decided(m, SubmissionStatus.Refused, refusal);
        }
    }

    /// <summary>What the batch tells the submitters it refused (a retry's sender was told the first time).</summary>
    private static IEnumerable<object> Refusals(IEnumerable<Decided> decided) => decided
        .Where(d => d is { Status: SubmissionStatus.Refused, Rejection: not null, Before: false })
        .Select(d => new SubmissionRefused(d.Submission.SessionId, d.Submission.SubmissionId, d.Submission.AccountId, d.Rejection!.Rule, d.Rejection.Detail));

    /// <summary>
    /// Decides one session's submissions in the open transaction, under the session's lock, and stages their events and
    /// receipts in it: saving is the caller's (<see cref="DecideAndStore"/>). A
    /// submission already decided (a retry) is answered by its receipt, whatever it said.
    /// </summary>
    public static async Task<Dictionary<Guid, Decided>> Decide(IDocumentSession session, StateCache cache, Guid sessionId,
        IReadOnlyList<PositionSubmission> batch, DateTimeOffset now)
    {
        var store = session.DocumentStore;
        // The session's lock (its stream's row, as FetchForExclusiveWriting takes it), without the session's state in the same
        // read: a session of 2,000 attendees is ~400 KiB of JSON, and positions never change it (ADR 0029). Under the lock no
        // other writer commits to the session, so the state this host holds at the stored version is the one to decide on.
        // In the same round trip, after the lock (the statements run in order, each seeing what was committed before it): the
        // versions of the session's and its forum's states, the receipts, and the positions the members hold (keyed by the
        // forum this host knows; read again below only if the forum has changed).
        var knownSession = cache.Known<SessionState>(sessionId);
        var knownForum = knownSession is null ? null : cache.Known<ForumState>(knownSession.ForumId);
        var reads = session.CreateBatchQuery();
        // (A batch takes raw SQL only for reference types: the version comes back as text.)
        var locking = reads.Query<string>($"select version::text from {store.Options.Events.DatabaseSchemaName}.mt_streams where id = ? for update", sessionId);
        var sessionVersion = reads.Query<SessionState>().Where(s => s.Id == sessionId).Select(s => s.Version).ToList();
        var forumVersion = knownSession is null ? null : reads.Query<ForumState>().Where(f => f.Id == knownSession.ForumId).Select(f => f.Version).ToList();
        var receipts = reads.LoadMany<PositionReceipt>().ById(batch.Select(b => b.SubmissionId).Distinct().ToArray());
        // The board and the parts the positions will touch (the members' attendance and positions): what the rules need, and
        // what the board's projection applies the events to in this transaction without reading them again (ADR 0031).
        var parts = knownForum is null ? [] : PartsOf(knownForum, batch);
        var board = parts.Count == 0 ? null : SessionBoardProjection.ReadWithLock(session, reads, sessionId, parts);
        await reads.Execute();
        var locked = (await locking).Select(long.Parse).ToList();
        var state = locked.Count == 0 ? null : await cache.At<SessionState>(session, sessionId, (await sessionVersion).Cast<long?>().FirstOrDefault());
        var decided = (await receipts)
            .Join(batch, r => r.Id, m => m.SubmissionId, (r, m) => new Decided(m, r.Status, r.Rule is null ? null : new Rejection(r.Kind, r.Rule, r.Detail ?? ""), Before: true))
            .DistinctBy(d => d.Submission.SubmissionId).ToDictionary(d => d.Submission.SubmissionId);
        var forum = state is null ? null
            : forumVersion is not null && state.ForumId == knownSession!.ForumId
                ? await cache.At<ForumState>(session, state.ForumId, (await forumVersion).Cast<long?>().FirstOrDefault())
                : await cache.Forum(session, state.ForumId);
        var current = forum is null ? []
            : ReferenceEquals(forum, knownForum) ? (board is null ? [] : Held(await board()))
            : await Current(session, forum, sessionId, batch);
        var events = new List<object>();
        foreach (var m in batch)
        {
            if (decided.ContainsKey(m.SubmissionId)) continue;
            var key = (m.ItemId, MemberOf(forum, m));
            var verdict = state is null || forum is null
                ? Verdict.Reject(SessionRules.SessionNotFound(m.SessionId))
                : PositionRules.Submit(forum, state, current.GetValueOrDefault(key), m.Command, m.Actor, now);
            if (verdict.Rejection is { } r)
            {
                // A superseded submission is old news to its sender, who sees their later position on the board.
                var status = r.Rule == PositionRules.Superseded ? SubmissionStatus.Superseded : SubmissionStatus.Refused;
                session.Store(Receipt(m, now, status, r));
                decided[m.SubmissionId] = new Decided(m, status, r);
                continue;
            }
            var applied = verdict.Events.Count > 0 ? SubmissionStatus.Applied : SubmissionStatus.Unchanged;
            session.Store(Receipt(m, now, applied, null));
            decided[m.SubmissionId] = new Decided(m, applied, null);
            foreach (var p in verdict.Events.OfType<PositionSubmitted>()) current[(p.ItemId, p.MemberId)] = new PositionState(p.Stance, p.Statement, p.At);
            events.AddRange(verdict.Events);
        }
        // With the version it reaches (what the lock read, plus these): the events carry their versions to the inline projections,
        // as they did when FetchForExclusiveWriting supplied the stream's version.
        if (events.Count > 0) session.Events.Append(sessionId, locked[0] + events.Count, events.ToArray());
        return decided;
    }

    /// <summary>The positions the batch's members hold on its items, as the board's parts have them (read under the session's lock).</summary>
    private static async Task<Dictionary<(Guid ItemId, Guid MemberId), PositionState>> Current(IQuerySession session, ForumState forum, Guid sessionId,
        IEnumerable<PositionSubmission> batch)
    {
        var keys = PositionKeys(forum, sessionId, batch);
        var positions = keys.Length == 0 ? [] : await session.LoadManyAsync<BoardPosition>(keys);
        return positions.ToDictionary(p => (p.ItemId, p.MemberId), p => p.AsState());
    }

    private static Dictionary<(Guid ItemId, Guid MemberId), PositionState> Held(SessionBoard? board) => board is null ? []
        : board.Agenda.SelectMany(i => i.Positions.Values).ToDictionary(p => (p.ItemId, p.MemberId), p => p.AsState());

    private static List<BoardPart> PartsOf(ForumState forum, IEnumerable<PositionSubmission> batch) =>
        batch.Select(m => (m.ItemId, MemberId: MemberOf(forum, m))).Where(k => k.MemberId != Guid.Empty)
            .SelectMany(k => new[] { BoardPart.Attendee(k.MemberId), BoardPart.Position(k.ItemId, k.MemberId) }).Distinct().ToList();

    private static string[] PositionKeys(ForumState forum, Guid sessionId, IEnumerable<PositionSubmission> batch) =>
        PartsOf(forum, batch).Where(p => p.Kind == BoardPartKind.Position).Select(p => p.Key(sessionId)).ToArray();

    /// <summary>PostgreSQL's class 22 (data exception): the store will never take this data, however often it is retried.</summary>
    public static bool RefusedForItsData(Exception e) =>
        e is PostgresException { SqlState: var state } && state.StartsWith("22") || e.InnerException is { } inner && RefusedForItsData(inner);

    private static Guid MemberOf(ForumState? forum, PositionSubmission m) => m.OnBehalfOf ?? forum?.MemberByEmail(m.Email)?.MemberId ?? Guid.Empty;

    private static PositionReceipt Receipt(PositionSubmission m, DateTimeOffset now, SubmissionStatus status, Rejection? r) => new()
    {
        Id = m.SubmissionId, SessionId = m.SessionId, ItemId = m.ItemId, AccountId = m.AccountId, At = now, Status = status, Rule = r?.Rule, Detail = r?.Detail,
        Kind = r?.Kind ?? RejectionKind.Conflict,
    };
}

/// <summary>What became of one submission when it was decided; Before: a retry, decided earlier (its sender was told then).</summary>
public sealed record Decided(PositionSubmission Submission, SubmissionStatus Status, Rejection? Rejection, bool Before = false);

/// <summary>
/// Superseded: the member's later position reached the board first; this earlier one was not applied over it. Accepted: stored
/// in the durable inbox and decided at its turn (a burst, ADR 0030); only an answer says so, never a receipt.
/// </summary>
public enum SubmissionStatus { Applied, Unchanged, Refused, Superseded, Accepted }

/// <summary>What became of one submission; also what makes a retried submission a no-op.</summary>
public sealed class PositionReceipt
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public Guid ItemId { get; set; }
    public Guid AccountId { get; set; }
    public SubmissionStatus Status { get; set; }
    public string? Rule { get; set; }
    public string? Detail { get; set; }
    /// <summary>What kind of refusal it was, so that a retried request is answered as the first was.</summary>
    public RejectionKind Kind { get; set; } = RejectionKind.Conflict;
    public DateTimeOffset At { get; set; }
}

public static class GetSubmissionEndpoint
{
    /// <summary>
    /// What became of a submission: its receipt once the batch decided it; "Accepted" while it waits in Wolverine's
    /// durable inbox (a burst, ADR 0030); "Failed" if it was set aside in the dead-letter table; else 404: no such
    /// submission of yours in this session.
    /// </summary>
    [WolverineGet("/api/sessions/{sessionId}/submissions/{submissionId}"), Tags("Live session")]
    public static async Task<IResult> Get(Guid submissionId, [ReadAggregate("sessionId", Required = false)] SessionState session, [NotBody] SessionCaller caller,
        IQuerySession store)
    {
        if (await Receipt(store, submissionId, session, caller) is { } decided) return decided;
        var waiting = await Waiting(store, submissionId, session.Id, caller.Actor.AccountId);
        // Its batch may have committed between the two reads: the receipt, written with the append, says so.
        if (waiting != Inbox.None && await Receipt(store, submissionId, session, caller) is { } justDecided) return justDecided;
        return waiting switch
        {
            Inbox.Queued => Results.Ok(new { submissionId, status = "Accepted", detail = "Waiting for its turn on the board." }),
            Inbox.DeadLetter => Results.Ok(new { submissionId, status = "Failed", detail = "It could not be applied and was set aside; submit your position again." }),
            _ => Problems.Of(Rejection.NotFound("submission-not-found", $"You have no submission {submissionId} in this session.")),
        };
    }

    private static async Task<IResult?> Receipt(IQuerySession store, Guid submissionId, SessionState session, SessionCaller caller)
    {
        var receipt = await store.LoadAsync<PositionReceipt>(submissionId);
        return receipt is null || receipt.SessionId != session.Id || receipt.AccountId != caller.Actor.AccountId
            ? null
            : Results.Ok(new { submissionId, status = receipt.Status.ToString(), rule = receipt.Rule, detail = receipt.Detail, at = receipt.At });
    }

    private enum Inbox { None = 0, Queued = 1, DeadLetter = 2 }

    /// <summary>
    /// The queued message is the serialised <see cref="PositionSubmission"/>, which names the submission, the session and
    /// the sender: all three must be in one envelope. Handled envelopes keep no body, so only waiting ones match.
    /// </summary>
    private static async Task<Inbox> Waiting(IQuerySession store, Guid submissionId, Guid sessionId, Guid accountId)
    {
        var schema = store.DocumentStore.Options.DatabaseSchemaName;
        const string Match = "position(convert_to(?, 'UTF8') in body) > 0 and position(convert_to(?, 'UTF8') in body) > 0 and position(convert_to(?, 'UTF8') in body) > 0";
        var found = await store.QueryAsync<int>(
            $"select case when exists (select 1 from {schema}.wolverine_incoming_envelopes where {Match}) then 1 " +
            $"when exists (select 1 from {schema}.wolverine_dead_letters where {Match}) then 2 else 0 end",
            submissionId.ToString(), sessionId.ToString(), accountId.ToString(), submissionId.ToString(), sessionId.ToString(), accountId.ToString());
        return (Inbox)found.Single();
    }
}
