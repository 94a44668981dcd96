using System.Security.Claims;
using Forum.Host.Identity;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Host.Sessions;

/// <summary>
/// Who is asking about a session, the forum it belongs to, and the session stream's version as loaded: what every session
/// rule needs beside the session. (The decision state's own version lags the stream: positions do not change it.)
/// </summary>
public sealed record SessionCaller(Guid SessionId, Actor Actor, ForumState Forum, long Version);

/// <summary>
/// The door of every endpoint that asks for a <see cref="SessionCaller"/>: nobody (401) learns nothing, an unknown session
/// is 404, and only those who may see the session (members, observers, its invited guests) go on (403).
/// Applied by policy (<see cref="Doors"/>): <see cref="Write"/> where the endpoint writes the stream (loaded under its lock),
/// <see cref="Read"/> where it only reads it.
/// </summary>
public static class SessionDoor
{
    public static class Write
    {
        public static Task<(SessionCaller?, ProblemDetails)> LoadAsync(Guid sessionId, IEventStream<SessionState> stream, ClaimsPrincipal user,
            StateCache cache, IDocumentSession store) =>
            Open(sessionId, stream.Aggregate, stream.StartingVersion ?? 0, user, () => cache.Forum(store, stream.Aggregate!.ForumId));
    }

    public static class Read
    {
        public static Task<(SessionCaller?, ProblemDetails)> LoadAsync(Guid sessionId, SessionState? session, ClaimsPrincipal user, StateCache cache,
            IDocumentSession store) =>
            // Reading (and the door check of a position, decided again under the lock) may take a forum checked a moment ago.
            Open(sessionId, session, session?.Version ?? 0, user, () => cache.Forum(store, session!.ForumId, StateCache.ForDoors));
    }

    private static async Task<(SessionCaller?, ProblemDetails)> Open(Guid sessionId, SessionState? session, long version, ClaimsPrincipal user,
        Func<Task<ForumState?>> forumOf)
    {
        if (ForumClaims.ActorOf(user) is not { } actor) return (null, Problems.Details(Rejection.Unauthenticated()));
        if (session is null) return (null, Problems.Details(SessionRules.SessionNotFound(sessionId)));
        var forum = await forumOf();
        if (forum is null) return (null, Problems.Details(SessionRules.SessionNotFound(sessionId)));
        if (SessionRules.MaySee(forum, session, actor) is { } hidden) return (null, Problems.Details(hidden));
        return (new SessionCaller(session.Id, actor, forum, version), WolverineContinue.NoProblems);
    }
}
