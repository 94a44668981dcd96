using Forum.Domain.Minutes;
using Forum.Host.Identity;
using Forum.Projections.Minutes;
using System.Security.Claims;

namespace Forum.Host.Minutes.Reviewing;

public static class GetSessionMinutesEndpoint
{
    /// <summary>A session's minutes by the session's id: the minutes stream's id derives from it (MinutesDecider.IdFor).</summary>
    [WolverineGet("/api/sessions/{sessionId}/minutes"), Tags("Minutes")]
    public static async Task<IResult> Get(Guid sessionId, ClaimsPrincipal user, IQuerySession store, StateCache cache)
    {
        var actor = ForumClaims.ActorOf(user);
        var view = await store.LoadAsync<MinutesView>(MinutesDecider.IdFor(sessionId));
        if (view is null)
            return Problems.Of(actor is null ? Rejection.Unauthenticated()
                : Rejection.NotFound("minutes-not-found", $"No minutes have been drafted for session {sessionId}: they are drafted when it closes."));
        if (view.Status != MinutesStatus.Published && actor is null) return Problems.Of(Rejection.Unauthenticated());
        if (await cache.Forum(store, view.ForumId) is { } forum && MinutesDecider.MayRead(forum, view.Status, actor) is { } hidden) return Problems.Of(hidden);
        return Results.Ok(MinutesViews.Of(view));
    }
}

public static class MinutesViews
{
    public static object Links(Guid id, MinutesStatus status) => status == MinutesStatus.Published
        ? new { markdown = $"/api/minutes/{id}.md", html = $"/api/minutes/{id}.html", pdf = (string?)$"/api/minutes/{id}.pdf", signature = (string?)$"/api/minutes/{id}.sig.json", verify = (string?)$"/api/minutes/{id}/verify" }
        : new { markdown = $"/api/minutes/{id}.md", html = $"/api/minutes/{id}.html", pdf = (string?)null, signature = (string?)null, verify = (string?)null };

    public static object Of(MinutesView v) => new
    {
        minutesId = v.Id, v.SessionId, v.ForumId, v.SessionTitle, v.SessionStartsAt, v.Language, status = v.Status.ToString(), v.Revision,
        v.DraftedAt, v.RevisedAt,
        approvals = v.Approvals.Select(a => new { a.MemberId, a.Name, group = a.Group.ToString(), a.At }),
        awaitingApproval = MinutesDecider.AwaitingApproval(v.Status, v.Approvals.Select(a => a.Group)).Select(g => g.ToString()).ToArray(),
        v.SessionVersion, v.EventsSha256, v.DocumentSha256, v.KeyId, v.PublishedAt,
        links = Links(v.Id, v.Status),
    };
}
