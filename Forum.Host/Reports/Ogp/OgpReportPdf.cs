using Forum.Domain.Forums;
using System.Globalization;
using System.Text;
using Forum.Domain.Forums.Standards;
using Forum.Host.Forums.Public;
using Forum.Host.Infrastructure;
using Forum.Host.Minutes.Drafting;
using Forum.Host.Minutes.Publishing;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Forum.Host.Reports.Ogp;

public static class OgpReportPdfEndpoint
{
    /// <summary>The report as a PDF, laid out by the minutes' own renderer and fonts (every script of the region); not signed.</summary>
    [WolverineGet("/api/forums/{forumId}/ogp-report.pdf"), Tags("Public")]
    public static async Task<IResult> Get(Guid forumId, IQuerySession session, TimeProvider clock, IOptions<ForumOptions> options, HttpContext http)
    {
        if (await OgpReportSource.ReportAsync(session, forumId, clock.GetUtcNow(), http.RequestAborted) is not { } report)
            return Problems.Of(ForumDecider.ForumNotFound(forumId));
        var meta = new PdfMeta($"OGP standards report: {report.ForumName}", "Forum", $"OGP standards report {report.ForumId}",
            $"{report.ForumName} · OGP standards report · {Day(report.GeneratedAt)}", "en");
        using var pdf = MinutesLayout.Lay(Markdown(report, options.Value), meta).Finish(meta.Footer);
        using var bytes = new MemoryStream();
        pdf.Save(bytes);
        return Results.File(bytes.ToArray(), "application/pdf", OgpReportCsvEndpoint.FileName(report, "pdf"));
    }

    public static string Markdown(OgpReport report, ForumOptions options)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# OGP standards report: {Md.Inline(report.ForumName)}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"As of {Day(report.GeneratedAt)}; the record starts {Day(report.FoundedAt)}, with {report.Meetings.Count} meetings. ");
        md.Append("Computed from the forum's public record on Forum; ");
        md.Append(CultureInfo.InvariantCulture, $"the same report as open data: {Md.Inline(options.Link($"/api/forums/{report.ForumId}/ogp-report.csv"))}\n\n");
        foreach (var row in report.Rows)
        {
            md.Append(CultureInfo.InvariantCulture, $"## {Md.Inline(row.Requirement)}: {Md.Inline(row.Title)}: {Status(row.Status)}\n\n");
            md.Append(Md.Inline(row.Summary)).Append("\n\n");
            foreach (var f in row.Details)
            {
                var met = f.Met switch { true => "met", false => "not met", _ => "—" };
                md.Append(CultureInfo.InvariantCulture, $"- {(f.Date is { } d ? Day(d) + " · " : "")}{Md.Inline(f.Subject)}: {Md.Inline(f.Name)} {Value(f)} ({met})\n");
            }
            if (row.Details.Count > 0) md.Append('\n');
            foreach (var e in row.Evidence)
                md.Append(CultureInfo.InvariantCulture, $"- Evidence: {Md.Inline(e.Label)}, {Md.Inline(OgpReportCsvEndpoint.Absolute(options, e.Href))}\n");
            if (row.Evidence.Count > 0) md.Append('\n');
        }
        return md.ToString();
    }

    private static string Status(RequirementStatus s) => s switch { RequirementStatus.Met => "met", RequirementStatus.NotMet => "not met", _ => "pending" };

    private static string Value(Figure f) => f.Value is not { } v ? "" : f.Unit == "share" ? v.ToString("P0", CultureInfo.InvariantCulture)
        : $"{v.ToString("0.#", CultureInfo.InvariantCulture)} {f.Unit}";

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
