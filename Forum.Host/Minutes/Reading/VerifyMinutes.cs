using Forum.Domain.Minutes;
using Forum.Host.Minutes.Publishing;

namespace Forum.Host.Minutes.Reading;

public static class VerifyMinutesEndpoint
{
    [WolverineGet("/api/minutes/{minutesId}/verify"), Tags("Minutes")]
    public static async Task<IResult> Get([ReadAggregate("minutesId", Required = false)] MinutesState minutes, [NotBody] MinutesCaller caller,
        IQuerySession session, IDocumentStore store, SigningKeys keys)
    {
        if (minutes.Status != MinutesStatus.Published) return Problems.Of(MinutesDecider.NotPublished(minutes, "verification"));
        var stored = await session.LoadAsync<PublishedMinutes>(minutes.Id);
        var eventsNow = await SessionHistory.Hash(store, minutes.SessionId, minutes.SessionVersion);
        var report = MinutesVerification.Verify(stored!.Pdf, stored.SignatureJson, keys.Find, eventsNow, minutes.Publication);
        return Results.Ok(new
        {
            minutesId = minutes.Id, report.DocumentIntact, eventsIntact = report.EventsIntact ?? false, report.SignatureValid, report.PdfSignatureValid,
            report.KeyId, version = report.Version, report.DocumentSha256, report.EventsSha256, valid = report.Valid, report.Problems,
        });
    }
}
