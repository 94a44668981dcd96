using Forum.Domain.Minutes;
using Forum.Host.Minutes.Reviewing;

namespace Forum.Host.Minutes.Publishing;

public static class PublishMinutesEndpoint
{
    [WolverinePost("/api/minutes/{minutesId}/publish"), Tags("Minutes")]
    public static async Task<(IResult, Events)> Post([WriteAggregate("minutesId", Required = false)] MinutesState minutes, [NotBody] MinutesCaller caller,
        IDocumentSession session, IDocumentStore store, MinutesPublisher publisher, TimeProvider clock)
    {
        // Refuse before the costly part: rendering and signing.
        if (MinutesDecider.MayPublish(caller.Forum, minutes, caller.Actor) is { } refused) return (Problems.Of(refused), new Events());
        var eventsNow = await SessionHistory.Hash(store, minutes.SessionId, minutes.SessionVersion);
        var now = clock.GetUtcNow();
        var files = publisher.Render(minutes, caller.Forum, now);
        var verdict = MinutesDecider.Publish(caller.Forum, minutes,
            new PublishMinutes(files.DocumentSha256, files.Signature.Signature, files.Signature.KeyId, eventsNow), caller.Actor, now);
        if (verdict.Accepted)
            session.Store(new PublishedMinutes
            {
                Id = minutes.Id, Pdf = files.Pdf, SignatureJson = files.Signature.ToJson(), Markdown = minutes.Markdown, Html = files.Html,
            });
        return verdict.Answer(Results.Ok(new
        {
            minutesId = minutes.Id, status = nameof(MinutesStatus.Published), documentSha256 = files.DocumentSha256, eventsSha256 = minutes.EventsSha256,
            sessionVersion = minutes.SessionVersion, keyId = files.Signature.KeyId, links = MinutesViews.Links(minutes.Id, MinutesStatus.Published),
        }));
    }
}
