using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Domain.Minutes;
using Forum.Host.Identity;
using Forum.Host.Infrastructure;
using Forum.Host.Minutes.Publishing;
using Forum.Projections.Forums;
using Forum.Projections.Minutes;
using Marten;
using Wolverine.Http;

namespace Forum.Host.Minutes;

public sealed record ReviseMinutesRequest(string? Markdown);

/// <summary>Who may read which minutes: published ones anyone; drafts the forum's members, observers and secretariat.</summary>
public static class MinutesAccess
{
    public static async Task<(MinutesState? Minutes, ForumState? Forum, Rejection? Refusal)> Read(IQuerySession session, Guid minutesId, ClaimsPrincipal user)
    {
        var actor = ForumClaims.ActorOf(user);
        var minutes = await session.Events.AggregateStreamAsync<MinutesState>(minutesId);
        // Anonymous callers learn nothing of drafts, not even that they exist.
        if (minutes is null) return (null, null, actor is null ? Rejection.Unauthenticated() : MinutesDecider.NotFound(minutesId));
        var forum = await session.LoadAsync<ForumState>(minutes.ForumId);
        if (minutes.Status == MinutesStatus.Published) return (minutes, forum, null);
        if (forum is null) return (null, null, MinutesDecider.NotFound(minutesId));
        return (minutes, forum, MinutesDecider.MaySeeDraft(forum, actor));
    }

    public static object Links(Guid id, MinutesStatus status) => status == MinutesStatus.Published
        ? new { markdown = $"/api/minutes/{id}.md", html = $"/api/minutes/{id}.html", pdf = (string?)$"/api/minutes/{id}.pdf", signature = (string?)$"/api/minutes/{id}.sig.json", verify = (string?)$"/api/minutes/{id}/verify" }
        : new { markdown = $"/api/minutes/{id}.md", html = $"/api/minutes/{id}.html", pdf = (string?)null, signature = (string?)null, verify = (string?)null };

    public static object View(MinutesView v) => new
    {
        minutesId = v.Id, v.SessionId, v.ForumId, v.SessionTitle, v.SessionStartsAt, v.Language, status = v.Status.ToString(), v.Revision,
        v.DraftedAt, v.RevisedAt,
        approvals = v.Approvals.Select(a => new { a.MemberId, a.Name, group = a.Group.ToString(), a.At }),
        awaitingApproval = v.Status == MinutesStatus.Published ? [] : new[] { StakeholderGroup.Government, StakeholderGroup.CivilSociety }
            .Where(g => v.Approvals.All(a => a.Group != g)).Select(g => g.ToString()).ToArray(),
        v.SessionVersion, v.EventsSha256, v.DocumentSha256, v.KeyId, v.PublishedAt,
        links = Links(v.Id, v.Status),
    };
}

public static class SessionMinutesEndpoint
{
    [WolverineGet("/api/sessions/{sessionId}/minutes"), Tags("Minutes")]
    public static async Task<IResult> Get(Guid sessionId, ClaimsPrincipal user, IQuerySession session)
    {
        var view = await session.LoadAsync<MinutesView>(MinutesDecider.IdFor(sessionId));
        if (view is null)
            return Problems.Of(ForumClaims.ActorOf(user) is null ? Rejection.Unauthenticated()
                : Rejection.NotFound("minutes-not-found", $"No minutes have been drafted for session {sessionId}: they are drafted when it closes."));
        if (view.Status != MinutesStatus.Published)
        {
            var (_, _, refusal) = await MinutesAccess.Read(session, view.Id, user);
            if (refusal is not null) return Problems.Of(refusal);
        }
        return Results.Ok(MinutesAccess.View(view));
    }
}

public static class ReviseMinutesEndpoint
{
    [WolverinePost("/api/minutes/{minutesId}/revise"), Tags("Minutes")]
    public static Task<IResult> Post(Guid minutesId, ReviseMinutesRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        MinutesStreams.Decide(session, minutesId, user, (forum, m, actor) => MinutesDecider.Revise(forum, m, new ReviseMinutes(request.Markdown), actor, clock.GetUtcNow()));
}

public static class ApproveMinutesEndpoint
{
    [WolverinePost("/api/minutes/{minutesId}/approve"), Tags("Minutes")]
    public static Task<IResult> Post(Guid minutesId, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        MinutesStreams.Decide(session, minutesId, user, (forum, m, actor) => MinutesDecider.Approve(forum, m, new ApproveMinutes(), actor, clock.GetUtcNow()));
}

public static class PublishMinutesEndpoint
{
    [WolverinePost("/api/minutes/{minutesId}/publish"), Tags("Minutes")]
    public static async Task<IResult> Post(Guid minutesId, ClaimsPrincipal user, IDocumentSession session, IDocumentStore store, MinutesPublisher publisher, TimeProvider clock)
    {
        if (ForumClaims.ActorOf(user) is not { } actor) return Problems.Of(Rejection.Unauthenticated());
        var stream = await session.Events.FetchForWriting<MinutesState>(minutesId);
        if (stream.Aggregate is not { } minutes) return Problems.Of(MinutesDecider.NotFound(minutesId));
        var forum = await session.Events.FetchLatest<ForumState>(minutes.ForumId);
        if (forum is null) return Problems.Of(MinutesDecider.NotFound(minutesId));
        // Refuse before the costly part: rendering and signing.
        if (MinutesDecider.MayPublish(forum, minutes, actor) is { } refused) return Problems.Of(refused);

        var eventsNow = await SessionHistory.Hash(store, minutes.SessionId, minutes.SessionVersion);
        var now = clock.GetUtcNow();
        var files = publisher.Render(minutes, forum, now);
        var verdict = MinutesDecider.Publish(forum, minutes,
            new PublishMinutes(files.DocumentSha256, files.Signature.Signature, files.Signature.KeyId, eventsNow), actor, now);
        if (verdict.Rejection is { } rejection) return Problems.Of(rejection);
        stream.AppendMany(verdict.Events);
        session.Store(new PublishedMinutes
        {
            Id = minutesId, Pdf = files.Pdf, SignatureJson = files.Signature.ToJson(), Markdown = minutes.Markdown, Html = files.Html,
        });
        return Results.Ok(new
        {
            minutesId, status = nameof(MinutesStatus.Published), documentSha256 = files.DocumentSha256, eventsSha256 = minutes.EventsSha256,
            sessionVersion = minutes.SessionVersion, keyId = files.Signature.KeyId, links = MinutesAccess.Links(minutesId, MinutesStatus.Published),
        });
    }
}

public static class MinutesDownloadEndpoints
{
    [WolverineGet("/api/minutes/{minutesId}.md"), Tags("Minutes")]
    public static async Task<IResult> Markdown(Guid minutesId, ClaimsPrincipal user, IQuerySession session)
    {
        var (m, _, refusal) = await MinutesAccess.Read(session, minutesId, user);
        if (refusal is not null) return Problems.Of(refusal);
        var text = m!.Status == MinutesStatus.Published ? (await session.LoadAsync<PublishedMinutes>(minutesId))!.Markdown : m.Markdown;
        return Results.Text(text, "text/markdown; charset=utf-8", Encoding.UTF8);
    }

    [WolverineGet("/api/minutes/{minutesId}.html"), Tags("Minutes")]
    public static async Task<IResult> Html(Guid minutesId, HttpContext http, ClaimsPrincipal user, IQuerySession session)
    {
        // The document is shown on our own origin: whatever a revision put in it (a javascript: link) must not run.
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";
        var (m, _, refusal) = await MinutesAccess.Read(session, minutesId, user);
        if (refusal is not null) return Problems.Of(refusal);
        var html = m!.Status == MinutesStatus.Published
            ? (await session.LoadAsync<PublishedMinutes>(minutesId))!.Html
            : Drafting.MinutesText.Html(m.Markdown, m.SessionTitle, m.Language);
        return Results.Text(html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    [WolverineGet("/api/minutes/{minutesId}.pdf"), Tags("Minutes")]
    public static async Task<IResult> Pdf(Guid minutesId, ClaimsPrincipal user, IQuerySession session)
    {
        var (m, _, refusal) = await MinutesAccess.Read(session, minutesId, user);
        if (refusal is not null) return Problems.Of(refusal);
        if (m!.Status != MinutesStatus.Published) return Problems.Of(MinutesDecider.NotPublished(m, "the signed PDF"));
        var stored = await session.LoadAsync<PublishedMinutes>(minutesId);
        // Exactly the bytes that were signed.
        return Results.File(stored!.Pdf, "application/pdf", $"minutes-{minutesId}.pdf");
    }

    [WolverineGet("/api/minutes/{minutesId}.sig.json"), Tags("Minutes")]
    public static async Task<IResult> Signature(Guid minutesId, ClaimsPrincipal user, IQuerySession session)
    {
        var (m, _, refusal) = await MinutesAccess.Read(session, minutesId, user);
        if (refusal is not null) return Problems.Of(refusal);
        if (m!.Status != MinutesStatus.Published) return Problems.Of(MinutesDecider.NotPublished(m, "the signature file"));
        var stored = await session.LoadAsync<PublishedMinutes>(minutesId);
        return Results.Text(stored!.SignatureJson, "application/json; charset=utf-8", Encoding.UTF8);
    }

    [WolverineGet("/api/minutes/{minutesId}/verify"), Tags("Minutes")]
    public static async Task<IResult> Verify(Guid minutesId, ClaimsPrincipal user, IQuerySession session, IDocumentStore store, SigningKeys keys)
    {
        var (m, _, refusal) = await MinutesAccess.Read(session, minutesId, user);
        if (refusal is not null) return Problems.Of(refusal);
        if (m!.Status != MinutesStatus.Published) return Problems.Of(MinutesDecider.NotPublished(m, "verification"));
        var stored = await session.LoadAsync<PublishedMinutes>(minutesId);
        var eventsNow = await SessionHistory.Hash(store, m.SessionId, m.SessionVersion);
        var report = MinutesVerification.Verify(stored!.Pdf, stored.SignatureJson, keys.Find, eventsNow, m.Publication);
        return Results.Ok(new
        {
            minutesId, report.DocumentIntact, eventsIntact = report.EventsIntact ?? false, report.SignatureValid, report.PdfSignatureValid,
            report.KeyId, version = report.Version, report.DocumentSha256, report.EventsSha256, valid = report.Valid, report.Problems,
        });
    }
}

public static class ForumMinutesArchiveEndpoint
{
    [WolverineGet("/api/forums/{forumId}/minutes"), Tags("Minutes")]
    public static async Task<IResult> Get(Guid forumId, IQuerySession session)
    {
        var roster = await session.LoadAsync<ForumRoster>(forumId);
        if (roster is null) return Problems.Of(ForumDecider.ForumNotFound(forumId));
        var published = await session.Query<MinutesView>()
            .Where(v => v.ForumId == forumId && v.Status == MinutesStatus.Published)
            .OrderByDescending(v => v.SessionStartsAt).ToListAsync();
        return Results.Ok(new
        {
            forumId, roster.Name, roster.Country,
            minutes = published.Select(v => new
            {
                minutesId = v.Id, v.SessionId, v.SessionTitle, v.SessionStartsAt, v.Language, v.PublishedAt, v.DocumentSha256, v.KeyId,
                links = MinutesAccess.Links(v.Id, v.Status),
            }),
        });
    }
}

public static class ForumKeysEndpoint
{
    [WolverineGet("/.well-known/forum-keys"), Tags("Minutes")]
    public static IResult Get(SigningKeys keys) => Results.Ok(new
    {
        keys = keys.All().Select(k => new
        {
            k.KeyId, status = k.Current ? "current" : "retired",
            algorithm = k.Certificate.GetECDsaPublicKey() is not null ? "ES256" : "RS256",
            subject = k.Certificate.Subject, notBefore = k.Certificate.NotBefore.ToUniversalTime(), notAfter = k.Certificate.NotAfter.ToUniversalTime(),
            certificate = SigningKeys.Pem(k.Certificate),
        }),
    });
}

/// <summary>The one path every minutes command takes: load, decide, append or answer the broken rule.</summary>
public static class MinutesStreams
{
    public static async Task<IResult> Decide(IDocumentSession session, Guid minutesId, ClaimsPrincipal user, Func<ForumState, MinutesState, Actor, Verdict> decide)
    {
        if (ForumClaims.ActorOf(user) is not { } actor) return Problems.Of(Rejection.Unauthenticated());
        var stream = await session.Events.FetchForWriting<MinutesState>(minutesId);
        if (stream.Aggregate is not { } minutes) return Problems.Of(MinutesDecider.NotFound(minutesId));
        var forum = await session.Events.FetchLatest<ForumState>(minutes.ForumId);
        if (forum is null) return Problems.Of(MinutesDecider.NotFound(minutesId));
        var verdict = decide(forum, minutes, actor);
        if (verdict.Rejection is { } rejection) return Problems.Of(rejection);
        stream.AppendMany(verdict.Events);
        return Results.NoContent();
    }
}
