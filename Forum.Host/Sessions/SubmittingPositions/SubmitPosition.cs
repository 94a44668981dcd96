using System.Security.Cryptography;
using System.Text;
using Forum.Domain.Common;
using Forum.Domain.Sessions;
using Forum.Domain.Sessions.Positions;
using Forum.Host.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace Forum.Host.Sessions.SubmittingPositions;

public sealed record PositionRequest(Stance? Stance, string? Statement, Guid? OnBehalfOf);

public interface ISessionMessage
{
    Guid SessionId { get; }
}

/// <summary>A position accepted at the door and queued for its session (partitioned by session, batched).</summary>
public sealed record PositionSubmission(Guid SessionId, Guid ItemId, Guid SubmissionId, Guid AccountId, string Email, bool IsAdministrator,
    Stance Stance, string? Statement, Guid? OnBehalfOf, DateTimeOffset AcceptedAt) : ISessionMessage
{
    public Actor Actor => new(AccountId, Email, IsAdministrator);
    public SubmitPosition Command => new(ItemId, Stance, Statement, OnBehalfOf, SubmissionId, AcceptedAt);
}

public static class SubmitPositionEndpoint
{
    /// <summary>The door check reads the newest committed session this host has (no lock): the batch decides again under the lock.</summary>
    public static Task<SessionState?> LoadAsync(Guid sessionId, StateCache cache, IDocumentSession store) => cache.Session(store, sessionId);

    /// <summary>
    /// Checks what can be checked against the session as it stands, then stores the submission durably and answers 202:
    /// the decision at append time runs in the session's batch (ADR 0007). Same Idempotency-Key, same submission.
    /// </summary>
    [WolverinePost("/api/sessions/{sessionId}/items/{itemId}/positions"), Tags("Live session")]
    public static (IResult, OutgoingMessages) Post(Guid itemId, PositionRequest r, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        SessionState session, [NotBody] SessionCaller caller, TimeProvider clock)
    {
        var outgoing = new OutgoingMessages();
        var key = idempotencyKey ?? "";
        if (key.Length > 200)
            return (Problems.Of(Rejection.Invalid("Idempotency-Key", "field-too-long", "The Idempotency-Key header may be at most 200 characters.")), outgoing);
        var actor = caller.Actor;
        var submissionId = key.Length > 0 ? SubmissionIdFor(actor.AccountId, session.Id, key) : Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var message = new PositionSubmission(session.Id, itemId, submissionId, actor.AccountId, actor.Email, actor.IsAdministrator,
            r.Stance ?? default, r.Statement, r.OnBehalfOf, now);
        // Everything but the member's current position is checked here; the batch decides again with it, under the lock.
        var check = PositionRules.Submit(caller.Forum, session, null, message.Command with { Stance = r.Stance }, actor, now);
        if (check.Rejection is { } rejection) return (Problems.Of(rejection), outgoing);
        outgoing.Add(message);
        return (Results.Accepted($"/api/sessions/{session.Id}/submissions/{submissionId}", new { submissionId, status = "Accepted" }), outgoing);
    }

    private static Guid SubmissionIdFor(Guid accountId, Guid sessionId, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{accountId:N}/{sessionId:N}/{key}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
