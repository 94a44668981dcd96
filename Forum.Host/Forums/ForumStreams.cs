using System.Security.Claims;
using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Host.Identity;
using Forum.Host.Infrastructure;
using Marten;

namespace Forum.Host.Forums;

/// <summary>The one path every forum command takes: load the stream, decide, append or answer the broken rule.</summary>
public static class ForumStreams
{
    public static async Task<IResult> Decide(IDocumentSession session, Guid forumId, ClaimsPrincipal user,
        Func<ForumState, Actor, Verdict> decide, Func<IResult> accepted)
    {
        // Anonymous callers learn nothing, not even whether the forum exists.
        if (ForumClaims.ActorOf(user) is not { } actor) return Problems.Of(Rejection.Unauthenticated());
        var stream = await session.Events.FetchForWriting<ForumState>(forumId);
        if (stream.Aggregate is null) return Problems.Of(ForumDecider.ForumNotFound(forumId));
        var verdict = decide(stream.Aggregate, actor);
        if (verdict.Rejection is { } rejection) return Problems.Of(rejection);
        stream.AppendMany(verdict.Events);
        return accepted();
    }

    /// <summary>The forums a person may find: those they belong to or serve as secretariat; every forum for the administrator.</summary>
    public static Task<IReadOnlyList<Forum.Projections.Forums.ForumDirectoryEntry>> VisibleTo(IQuerySession session, Actor actor) =>
        session.Query<Forum.Projections.Forums.ForumDirectoryEntry>()
            .Where(f => actor.IsAdministrator || f.People.Contains(actor.Email)).OrderBy(f => f.Name).ToListAsync();

    /// <summary>The forum as it stands, with the caller's role in it, or the refusal (401, 404, 403).</summary>
    public static async Task<(ForumState? Forum, ForumRole Role, Rejection? Refusal)> Read(IQuerySession session, Guid forumId, ClaimsPrincipal user, ForumRole needed, string action)
    {
        var actor = ForumClaims.ActorOf(user);
        if (actor is null) return (null, ForumRole.None, Rejection.Unauthenticated());
        var forum = await session.LoadAsync<ForumState>(forumId);
        if (forum is null) return (null, ForumRole.None, ForumDecider.ForumNotFound(forumId));
        return (forum, ForumAccess.RoleOf(forum, actor), ForumAccess.Require(forum, actor, needed, action));
    }
}
