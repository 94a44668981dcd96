using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Domain.Sessions;
using Forum.Host.Identity;
using Forum.Host.Infrastructure;
using Marten;
using Wolverine;
using Wolverine.Http;

namespace Forum.Host.Sessions;

public sealed record PositionRequest(Stance? Stance, string? Statement, Guid? OnBehalfOf);

public interface ISessionMessage
{
    Guid SessionId { get; }
}

/// <summary>A position accepted at the door and queued for its session (partitioned by session, batched).</summary>
public sealed record PositionSubmission(Guid SessionId, Guid ItemId, Guid SubmissionId, Guid AccountId, string Email, bool IsAdministrator,
    Stance Stance, string? Statement, Guid? OnBehalfOf) : ISessionMessage
{
    public Actor Actor => new(AccountId, Email, IsAdministrator);
    public SubmitPosition Command => new(ItemId, Stance, Statement, OnBehalfOf, SubmissionId);
}

public enum SubmissionStatus { Applied, Unchanged, Refused }

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
    public DateTimeOffset At { get; set; }
}

/// <summary>Sent to the submitter when a position accepted at the door was refused when its turn came.</summary>
public sealed record SubmissionRefused(Guid SessionId, Guid SubmissionId, Guid AccountId, string Rule, string Detail);

public static class SubmitPositionEndpoint
{
    /// <summary>
    /// Checks what can be checked against the session as it stands, then stores the submission durably and answers 202:
    /// the decision at append time runs in the session's batch (ADR 0007). Same Idempotency-Key, same submission.
    /// </summary>
    [WolverinePost("/api/sessions/{sessionId}/items/{itemId}/positions"), Tags("Live session")]
    public static async Task<IResult> Post(Guid sessionId, Guid itemId, PositionRequest r, HttpContext http, ClaimsPrincipal user,
        IDocumentSession session, IMessageBus bus, StateCache cache, TimeProvider clock)
    {
        var (state, forum, actor, refusal) = await SessionStreams.Read(session, sessionId, user, cache);
        if (refusal is not null) return Problems.Of(refusal);
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 200) return Problems.Of(Rejection.Invalid("Idempotency-Key", "field-too-long", "The Idempotency-Key header may be at most 200 characters."));
        var submissionId = key.Length > 0 ? SubmissionIdFor(actor!.AccountId, sessionId, key) : Guid.CreateVersion7();
        var message = new PositionSubmission(sessionId, itemId, submissionId, actor!.AccountId, actor.Email, actor.IsAdministrator,
            r.Stance ?? default, r.Statement, r.OnBehalfOf);
        var check = SessionDecider.Submit(forum!, state!, message.Command with { Stance = r.Stance }, actor, clock.GetUtcNow());
        if (check.Rejection is { } rejection) return Problems.Of(rejection);
        await bus.PublishAsync(message);
        return Results.Accepted($"/api/sessions/{sessionId}/submissions/{submissionId}", new { submissionId, status = "Accepted" });
    }

    [WolverineGet("/api/sessions/{sessionId}/submissions/{submissionId}"), Tags("Live session")]
    public static async Task<IResult> Get(Guid sessionId, Guid submissionId, ClaimsPrincipal user, IQuerySession session)
    {
        var (_, _, actor, refusal) = await SessionStreams.Read(session, sessionId, user);
        if (refusal is not null) return Problems.Of(refusal);
        var receipt = await session.LoadAsync<PositionReceipt>(submissionId);
        if (receipt is null || receipt.SessionId != sessionId || receipt.AccountId != actor!.AccountId)
            return Results.Ok(new { submissionId, status = "Accepted", detail = "Waiting for its turn on the board." });
        return Results.Ok(new { submissionId, status = receipt.Status.ToString(), rule = receipt.Rule, detail = receipt.Detail, at = receipt.At });
    }

    private static Guid SubmissionIdFor(Guid accountId, Guid sessionId, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{accountId:N}/{sessionId:N}/{key}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}

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
                    ? Verdict.Reject(SessionDecider.SessionNotFound(m.SessionId))
                    : SessionDecider.Submit(forum, state, m.Command, m.Actor, now);
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
