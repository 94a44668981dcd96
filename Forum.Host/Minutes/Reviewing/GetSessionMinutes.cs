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
    /// <summary>The files of the minutes' own language.</summary>
    public static object Links(Guid id, MinutesStatus status) => Files($"/api/minutes/{id}", status == MinutesStatus.Published);

    /// <summary>The files of one language of the minutes: the first language's at their first addresses, the second's under its code.</summary>
    public static object Links(Guid id, MinutesStatus status, string language, string firstLanguage) =>
        language == firstLanguage ? Links(id, status) : Files($"/api/minutes/{id}/{language}", status == MinutesStatus.Published);

    private static object Files(string at, bool published) => published
        ? new { markdown = $"{at}.md", html = $"{at}.html", pdf = (string?)$"{at}.pdf", signature = (string?)$"{at}.sig.json", verify = (string?)$"{at}/verify" }
        : new { markdown = $"{at}.md", html = $"{at}.html", pdf = (string?)null, signature = (string?)null, verify = (string?)null };

    /// <summary>Each language's document: its code, its name in itself, its signed PDF's SHA-256 once published, and its files.</summary>
    public static IEnumerable<object> Documents(MinutesView v, IReadOnlyDictionary<(Guid, string), long>? numbers = null) =>
        v.Languages.Select(l => new
        {
            language = l, name = Localisation.Languages.Of(l).Name,
            documentSha256 = l == v.Language ? v.DocumentSha256 : v.TranslationDocumentSha256,
            sequence = numbers is not null && numbers.TryGetValue((v.Id, l), out var n) ? n : (long?)null,
            links = Links(v.Id, v.Status, l, v.Language),
        });

    public static object Of(MinutesView v) => new
    {
        minutesId = v.Id, v.SessionId, v.ForumId, v.SessionTitle, v.SessionStartsAt, v.Language, languages = v.Languages, status = v.Status.ToString(), v.Revision,
        v.DraftedAt, v.RevisedAt,
        approvals = v.Approvals.Select(a => new { a.MemberId, a.Name, group = a.Group.ToString(), a.At }),
        awaitingApproval = MinutesDecider.AwaitingApproval(v.Status, v.Approvals.Select(a => a.Group)).Select(g => g.ToString()).ToArray(),
        v.SessionVersion, v.EventsSha256, v.DocumentSha256, v.KeyId, v.PublishedAt,
        links = Links(v.Id, v.Status),
        documents = Documents(v),
    };
}
