using System.Security.Claims;
using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Domain.Sessions;
using Forum.Host.Identity;
using Forum.Host.Infrastructure;
using Marten;

namespace Forum.Host.Sessions;

/// <summary>
/// The one path every synchronous session command takes. The stream is taken with an exclusive lock
/// (select ... for update): commands on one session, including batches of positions, run one after another and never
/// surface a concurrency error (ADR 0007).
/// </summary>
public static class SessionStreams
{
    public static async Task<IResult> Decide(IDocumentSession session, Guid sessionId, ClaimsPrincipal user,
        Func<ForumState, SessionState, Actor, Verdict> decide, Func<long, IResult>? accepted = null)
    {
        if (ForumClaims.ActorOf(user) is not { } actor) return Problems.Of(Rejection.Unauthenticated());
        var stream = await session.Events.FetchForExclusiveWriting<SessionState>(sessionId);
        if (stream.Aggregate is not { } state) return Problems.Of(SessionDecider.SessionNotFound(sessionId));
        var forum = await session.LoadAsync<ForumState>(state.ForumId);
        if (SessionDecider.MaySee(forum!, state, actor) is { } hidden) return Problems.Of(hidden);
        var verdict = decide(forum!, state, actor);
        if (verdict.Rejection is { } rejection) return Problems.Of(rejection);
        stream.AppendMany(verdict.Events);
        var version = (stream.StartingVersion ?? 0) + verdict.Events.Count;
        return accepted?.Invoke(version) ?? Results.Ok(new { sessionId, version });
    }

    /// <summary>The session and its forum for reading, or the refusal (401, 404, 403).</summary>
    public static async Task<(SessionState? Session, ForumState? Forum, Actor? Actor, Rejection? Refusal)> Read(IQuerySession session, Guid sessionId, ClaimsPrincipal user,
        StateCache? cache = null)
    {
        if (ForumClaims.ActorOf(user) is not { } actor) return (null, null, null, Rejection.Unauthenticated());
        var state = cache is null ? await session.LoadAsync<SessionState>(sessionId) : await cache.Session(session, sessionId);
        if (state is null) return (null, null, actor, SessionDecider.SessionNotFound(sessionId));
        var forum = cache is null ? await session.LoadAsync<ForumState>(state.ForumId) : await cache.Forum(session, state.ForumId);
        return (state, forum, actor, SessionDecider.MaySee(forum!, state, actor));
    }
}
