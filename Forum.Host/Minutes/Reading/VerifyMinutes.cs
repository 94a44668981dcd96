using Forum.Domain.Minutes;
using Forum.Host.Minutes.Publishing;

namespace Forum.Host.Minutes.Reading;

public static class VerifyMinutesEndpoint
{
    [WolverineGet("/api/minutes/{minutesId}/verify"), Tags("Minutes")]
    public static Task<IResult> Get([ReadAggregate("minutesId", Required = false)] MinutesState minutes, [NotBody] MinutesCaller caller,
        IQuerySession session, IDocumentStore store, SigningKeys keys, CancellationToken ct) =>
        GetIn(minutes.Language, minutes, caller, session, store, keys, ct);

    /// <summary>One language's document of the minutes (docs/adr/0023), checked like the first.</summary>
    [WolverineGet("/api/minutes/{minutesId}/{language}/verify"), Tags("Minutes")]
    public static async Task<IResult> GetIn(string language, [ReadAggregate("minutesId", Required = false)] MinutesState minutes, [NotBody] MinutesCaller caller,
        IQuerySession session, IDocumentStore store, SigningKeys keys, CancellationToken ct)
    {
        if (minutes.TextIn(language) is null) return Problems.Of(MinutesDownloadEndpoints.NoSuchLanguage(minutes, language));
        if (minutes.Status != MinutesStatus.Published) return Problems.Of(MinutesDecider.NotPublished(minutes, "verification"));
        var stored = await MinutesDownloadEndpoints.Stored(session, minutes, language);
        var report = await MinutesVerification.Stored(session, store, keys, minutes, stored, ct);
        return Results.Ok(VerificationAnswer.Of(minutes.Id, report));
    }
}

/// <summary>One minutes' verification as the API answers it, alone or as part of its forum's archive.</summary>
public static class VerificationAnswer
{
    public static object Of(Guid minutesId, VerificationReport r, string? sessionTitle = null) => new
    {
        minutesId, language = r.Record?.Language, sessionTitle, r.DocumentIntact, eventsIntact = r.EventsIntact ?? false, r.SignatureValid, r.PdfSignatureValid, r.KeyId,
        version = r.Version, r.DocumentSha256, r.EventsSha256, r.SignatureLevel,
        timestamp = r.Timestamp is { } t ? new { at = t.At, authority = t.Authority, valid = t.Valid } : null,
        firstChangedEvent = r.FirstChangedEvent is { } d ? new { version = d.Version, type = d.Type, change = d.Change } : null,
        sequence = r.Record?.Sequence, previousMinutesId = r.Record?.PreviousMinutesId, recordSha256 = r.Record?.RecordSha256(),
        valid = r.Valid, r.Problems, r.Notes,
    };
}
