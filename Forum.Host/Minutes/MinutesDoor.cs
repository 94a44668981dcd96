using System.Security.Claims;
using Forum.Domain.Minutes;
using Forum.Host.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Host.Minutes;

/// <summary>Who asks about a minutes stream (nobody, for published minutes read in public) and the forum it belongs to.</summary>
public sealed record MinutesCaller(Actor? Actor, ForumState Forum);

/// <summary>
/// The door of every endpoint that takes a <see cref="MinutesState"/>. Reading follows <see cref="MinutesDecider.MayRead"/>
/// (published: anyone; a draft: the forum's people); anonymous callers learn nothing of drafts, not even that they exist.
/// Writing needs someone signed in; who may revise, approve or publish is each rule's own business.
/// </summary>
public static class MinutesDoor
{
    public static async Task<(MinutesCaller?, ProblemDetails)> LoadAsync(Guid minutesId, MinutesState? minutes, ClaimsPrincipal user, HttpContext http,
        StateCache cache, IDocumentSession store)
    {
        var actor = ForumClaims.ActorOf(user);
        var reading = HttpMethods.IsGet(http.Request.Method);
        if (actor is null && (!reading || minutes is not { Status: MinutesStatus.Published }))
            return (null, Problems.Details(Rejection.Unauthenticated()));
        if (minutes is null) return (null, Problems.Details(MinutesDecider.NotFound(minutesId)));
        var forum = await cache.Forum(store, minutes.ForumId);
        if (forum is null) return (null, Problems.Details(MinutesDecider.NotFound(minutesId)));
        if (reading && MinutesDecider.MayRead(forum, minutes.Status, actor) is { } hidden) return (null, Problems.Details(hidden));
        return (new MinutesCaller(actor, forum), WolverineContinue.NoProblems);
    }
}
