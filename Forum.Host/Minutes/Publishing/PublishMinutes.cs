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
        var rendered = new List<RenderedMinutes>();
        try
        {
            // Each language its own PDF and PAdES signature (docs/adr/0023).
            foreach (var document in MinutesDocument.All(minutes)) rendered.Add(await publisher.RenderAsync(document, caller.Forum, now, ct));
        }
        catch (TimestampUnavailableException e) { return (TimestampUnavailable(e), new Events()); }

        // Held from here to the commit: the PDFs above need no chain, the signature records below are the chain's next links.
        var archive = await ForumArchive.HoldAsync(session, minutes.ForumId, ct);
        var (records, entered, notEntered) = ForumArchive.Enter(archive.Aggregate, rendered, minutes.SessionVersion, events, now);
        if (notEntered is not null) return (Problems.Of(notEntered), new Events());
        var (first, firstRecord) = (rendered[0], records[0]);
        var translation = rendered.Count > 1
            ? new SignedTranslation(rendered[1].Document.Language, rendered[1].DocumentSha256, records[1].Signature, records[1].KeyId) : null;
        var verdict = MinutesDecider.Publish(caller.Forum, minutes,
            new PublishMinutes(first.DocumentSha256, firstRecord.Signature, firstRecord.KeyId, events.Sha256, translation), caller.Actor, now);
        if (verdict.Accepted)
        {
            archive.AppendMany(entered);
            foreach (var (r, record) in rendered.Zip(records))
                session.Store(new PublishedMinutes
                {
                    Id = PublishedMinutes.IdFor(minutes, r.Document.Language), Language = r.Document.Language, Pdf = r.Pdf,
                    SignatureJson = record.ToJson(), Markdown = r.Document.Markdown, Html = r.Html,
                });
            session.Store(new SignedEventDigests { Id = minutes.Id, SessionId = minutes.SessionId, UpTo = minutes.SessionVersion, Digests = events.Packed() });
        }
        return verdict.Answer(Results.Ok(new
        {
            minutesId = minutes.Id, status = nameof(MinutesStatus.Published), documentSha256 = first.DocumentSha256, eventsSha256 = minutes.EventsSha256,
            sessionVersion = minutes.SessionVersion, keyId = firstRecord.KeyId, sequence = firstRecord.Sequence, previousMinutesId = firstRecord.PreviousMinutesId,
            links = MinutesViews.Links(minutes.Id, MinutesStatus.Published),
            documents = rendered.Zip(records).Select(d => new
            {
                language = d.First.Document.Language, documentSha256 = d.First.DocumentSha256, keyId = d.Second.KeyId, sequence = d.Second.Sequence,
                links = MinutesViews.Links(minutes.Id, MinutesStatus.Published, d.First.Document.Language, minutes.Language),
            }),
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
