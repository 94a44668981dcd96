using Forum.Domain.Minutes;
using Forum.Host.Minutes.Reviewing;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Host.Minutes.Publishing;

public static class PublishMinutesEndpoint
{
    [WolverinePost("/api/minutes/{minutesId}/publish"), Tags("Minutes")]
    public static async Task<(IResult, Events)> Post([WriteAggregate("minutesId", Required = false)] MinutesState minutes, [NotBody] MinutesCaller caller,
        IDocumentSession session, IDocumentStore store, MinutesPublisher publisher, TimeProvider clock, CancellationToken ct)
    {
        // Refuse before the costly part: rendering and signing.
        if (MinutesDecider.MayPublish(caller.Forum, minutes, caller.Actor) is { } refused) return (Problems.Of(refused), new Events());
        var events = await SessionHistory.Digest(store, minutes.SessionId, minutes.SessionVersion, ct);
        var now = clock.GetUtcNow();
        RenderedMinutes rendered;
        try { rendered = await publisher.RenderAsync(MinutesDocument.Of(minutes), caller.Forum, now, ct); }
        catch (TimestampUnavailableException e) { return (TimestampUnavailable(e), new Events()); }

        // Held from here to the commit: the PDF above needs no chain, the signature record below is the chain's next link.
        var archive = await ForumArchive.HoldAsync(session, minutes.ForumId, ct);
        var (records, entered, notEntered) = ForumArchive.Enter(archive.Aggregate, [rendered], minutes.SessionVersion, events, now);
        if (notEntered is not null) return (Problems.Of(notEntered), new Events());
        var record = records[0];
        var verdict = MinutesDecider.Publish(caller.Forum, minutes, new PublishMinutes(rendered.DocumentSha256, record.Signature, record.KeyId, events.Sha256),
            caller.Actor, now);
        if (verdict.Accepted)
        {
            archive.AppendMany(entered);
            session.Store(new PublishedMinutes { Id = minutes.Id, Pdf = rendered.Pdf, SignatureJson = record.ToJson(), Markdown = minutes.Markdown, Html = rendered.Html });
            session.Store(new SignedEventDigests { Id = minutes.Id, SessionId = minutes.SessionId, UpTo = minutes.SessionVersion, Digests = events.Packed() });
        }
        return verdict.Answer(Results.Ok(new
        {
            minutesId = minutes.Id, status = nameof(MinutesStatus.Published), documentSha256 = rendered.DocumentSha256, eventsSha256 = minutes.EventsSha256,
            sessionVersion = minutes.SessionVersion, keyId = record.KeyId, sequence = record.Sequence, previousMinutesId = record.PreviousMinutesId,
            links = MinutesViews.Links(minutes.Id, MinutesStatus.Published),
        }));
    }

    /// <summary>Not the caller's doing, and it passes: 503, naming the authority, with nothing published.</summary>
    private static IResult TimestampUnavailable(TimestampUnavailableException e)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable, Type = "https://forum.example/problems/timestamp-unavailable",
            Title = "The time-stamping authority is unavailable", Detail = e.Message + " Nothing was published; try again later.",
        };
        problem.Extensions["rule"] = "timestamp-unavailable";
        return Results.Problem(problem);
    }
}
