using System.Security.Claims;
using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Domain.Sessions;
using Forum.Host.Identity;
using Forum.Host.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Forum.Host.Sessions;

/// <summary>Who is asking about a session, and the forum it belongs to: what every session rule needs beside the session.</summary>
public sealed record SessionCaller(Actor Actor, ForumState Forum);

/// <summary>
/// The door of every endpoint that takes a <see cref="SessionState"/>: nobody (401) learns nothing, an unknown session
/// is 404, and only those who may see the session (members, observers, its invited guests) go on (403).
/// Applied by policy (SessionsConfiguration), so no endpoint writes it.
/// </summary>
public static class SessionDoor
{
    public static async Task<(SessionCaller?, ProblemDetails)> LoadAsync(Guid sessionId, SessionState? session, ClaimsPrincipal user,
        StateCache cache, IDocumentSession store)
    {
        if (ForumClaims.ActorOf(user) is not { } actor) return (null, Problems.Details(Rejection.Unauthenticated()));
        if (session is null) return (null, Problems.Details(SessionRules.SessionNotFound(sessionId)));
        var forum = await cache.Forum(store, session.ForumId);
        if (forum is null) return (null, Problems.Details(SessionRules.SessionNotFound(sessionId)));
        if (SessionRules.MaySee(forum, session, actor) is { } hidden) return (null, Problems.Details(hidden));
        return (new SessionCaller(actor, forum), WolverineContinue.NoProblems);
    }
}
