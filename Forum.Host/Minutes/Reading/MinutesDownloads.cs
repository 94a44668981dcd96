using System.Text;
using Forum.Domain.Minutes;
using Forum.Host.Minutes.Publishing;

namespace Forum.Host.Minutes.Reading;

/// <summary>
/// The minutes in each of their forms; a draft only as Markdown and HTML, the signed files once published. The first
/// language's at /api/minutes/{id}.pdf (and .md, .html, .sig.json), each language's at /api/minutes/{id}/{language}.pdf.
/// </summary>
public static class MinutesDownloadEndpoints
{
    [WolverineGet("/api/minutes/{minutesId}.md"), Tags("Minutes")]
    public static Task<IResult> Markdown([ReadAggregate("minutesId", Required = false)] MinutesState minutes, [NotBody] MinutesCaller caller, IQuerySession store) =>
        MarkdownIn(minutes.Language, minutes, caller, store);

    [WolverineGet("/api/minutes/{minutesId}/{language}.md"), Tags("Minutes")]
    public static async Task<IResult> MarkdownIn(string language, [ReadAggregate("minutesId", Required = false)] MinutesState minutes, [NotBody] MinutesCaller caller,
        IQuerySession store)
    {
        if (minutes.TextIn(language) is not { } draft) return Problems.Of(NoSuchLanguage(minutes, language));
        var text = minutes.Status == MinutesStatus.Published ? (await Stored(store, minutes, language)).Markdown : draft;
        return Results.Text(text, "text/markdown; charset=utf-8", Encoding.UTF8);
    }

    [WolverineGet("/api/minutes/{minutesId}.html"), Tags("Minutes")]
    public static Task<IResult> Html([ReadAggregate("minutesId", Required = false)] MinutesState minutes, [NotBody] MinutesCaller caller, HttpContext http,
        IQuerySession store) =>
        HtmlIn(minutes.Language, minutes, caller, http, store);

    [WolverineGet("/api/minutes/{minutesId}/{language}.html"), Tags("Minutes")]
    public static async Task<IResult> HtmlIn(string language, [ReadAggregate("minutesId", Required = false)] MinutesState minutes, [NotBody] MinutesCaller caller,
        HttpContext http, IQuerySession store)
    {
        if (minutes.TextIn(language) is not { } draft) return Problems.Of(NoSuchLanguage(minutes, language));
        // The document is shown on our own origin: whatever a revision put in it (a javascript: link) must not run.
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";
        var html = minutes.Status == MinutesStatus.Published
            ? (await Stored(store, minutes, language)).Html
            : Drafting.MinutesText.Html(draft, minutes.SessionTitle, language);
        return Results.Text(html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    [WolverineGet("/api/minutes/{minutesId}.pdf"), Tags("Minutes")]
    public static Task<IResult> Pdf([ReadAggregate("minutesId", Required = false)] MinutesState minutes, [NotBody] MinutesCaller caller, IQuerySession store) =>
        PdfIn(minutes.Language, minutes, caller, store);

    [WolverineGet("/api/minutes/{minutesId}/{language}.pdf"), Tags("Minutes")]
    public static async Task<IResult> PdfIn(string language, [ReadAggregate("minutesId", Required = false)] MinutesState minutes, [NotBody] MinutesCaller caller,
        IQuerySession store)
    {
        if (minutes.TextIn(language) is null) return Problems.Of(NoSuchLanguage(minutes, language));
        if (minutes.Status != MinutesStatus.Published) return Problems.Of(MinutesDecider.NotPublished(minutes, "the signed PDF"));
        // Exactly the bytes that were signed.
        var name = language == minutes.Language ? $"minutes-{minutes.Id}.pdf" : $"minutes-{minutes.Id}-{language}.pdf";
        return Results.File((await Stored(store, minutes, language)).Pdf, "application/pdf", name);
    }

    [WolverineGet("/api/minutes/{minutesId}.sig.json"), Tags("Minutes")]
    public static Task<IResult> Signature([ReadAggregate("minutesId", Required = false)] MinutesState minutes, [NotBody] MinutesCaller caller,
        IQuerySession store) =>
        SignatureIn(minutes.Language, minutes, caller, store);

    [WolverineGet("/api/minutes/{minutesId}/{language}.sig.json"), Tags("Minutes")]
    public static async Task<IResult> SignatureIn(string language, [ReadAggregate("minutesId", Required = false)] MinutesState minutes, [NotBody] MinutesCaller caller,
        IQuerySession store)
    {
        if (minutes.TextIn(language) is null) return Problems.Of(NoSuchLanguage(minutes, language));
        if (minutes.Status != MinutesStatus.Published) return Problems.Of(MinutesDecider.NotPublished(minutes, "the signature file"));
        return Results.Text((await Stored(store, minutes, language)).SignatureJson, "application/json; charset=utf-8", Encoding.UTF8);
    }

    public static async Task<PublishedMinutes> Stored(IQuerySession store, MinutesState minutes, string language) =>
        (await store.LoadAsync<PublishedMinutes>(PublishedMinutes.IdFor(minutes, language)))!;

    public static Rejection NoSuchLanguage(MinutesState minutes, string language) =>
        Rejection.NotFound("minutes-language-not-found",
            $"The minutes of '{minutes.SessionTitle}' are written in {string.Join(" and ", minutes.Languages)}, not in '{language}'.");
}
