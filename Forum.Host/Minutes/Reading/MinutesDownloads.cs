using System.Text;
using Forum.Domain.Minutes;
using Forum.Host.Minutes.Publishing;

namespace Forum.Host.Minutes.Reading;

/// <summary>The minutes in each of their forms; a draft only as Markdown and HTML, the signed files once published.</summary>
public static class MinutesDownloadEndpoints
{
    [WolverineGet("/api/minutes/{minutesId}.md"), Tags("Minutes")]
    public static async Task<IResult> Markdown([ReadAggregate("minutesId", Required = false)] MinutesState minutes, [NotBody] MinutesCaller caller, IQuerySession store)
    {
        var text = minutes.Status == MinutesStatus.Published ? (await store.LoadAsync<PublishedMinutes>(minutes.Id))!.Markdown : minutes.Markdown;
        return Results.Text(text, "text/markdown; charset=utf-8", Encoding.UTF8);
    }

    [WolverineGet("/api/minutes/{minutesId}.html"), Tags("Minutes")]
    public static async Task<IResult> Html([ReadAggregate("minutesId", Required = false)] MinutesState minutes, [NotBody] MinutesCaller caller, HttpContext http,
        IQuerySession store)
    {
        // The document is shown on our own origin: whatever a revision put in it (a javascript: link) must not run.
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";
        var html = minutes.Status == MinutesStatus.Published
            ? (await store.LoadAsync<PublishedMinutes>(minutes.Id))!.Html
            : Drafting.MinutesText.Html(minutes.Markdown, minutes.SessionTitle, minutes.Language);
        return Results.Text(html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    [WolverineGet("/api/minutes/{minutesId}.pdf"), Tags("Minutes")]
    public static async Task<IResult> Pdf([ReadAggregate("minutesId", Required = false)] MinutesState minutes, [NotBody] MinutesCaller caller, IQuerySession store)
    {
        if (minutes.Status != MinutesStatus.Published) return Problems.Of(MinutesDecider.NotPublished(minutes, "the signed PDF"));
        var stored = await store.LoadAsync<PublishedMinutes>(minutes.Id);
        // Exactly the bytes that were signed.
        return Results.File(stored!.Pdf, "application/pdf", $"minutes-{minutes.Id}.pdf");
    }

    [WolverineGet("/api/minutes/{minutesId}.sig.json"), Tags("Minutes")]
    public static async Task<IResult> Signature([ReadAggregate("minutesId", Required = false)] MinutesState minutes, [NotBody] MinutesCaller caller,
        IQuerySession store)
    {
        if (minutes.Status != MinutesStatus.Published) return Problems.Of(MinutesDecider.NotPublished(minutes, "the signature file"));
        var stored = await store.LoadAsync<PublishedMinutes>(minutes.Id);
        return Results.Text(stored!.SignatureJson, "application/json; charset=utf-8", Encoding.UTF8);
    }
}
