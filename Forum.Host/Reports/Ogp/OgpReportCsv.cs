using Forum.Domain.Forums;
using System.Globalization;
using System.Text;
using CsvHelper;
using Forum.Domain.Forums.Standards;
using Forum.Host.Forums.Public;
using Forum.Host.Infrastructure;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Forum.Host.Reports.Ogp;

public static class OgpReportCsvEndpoint
{
    [WolverineGet("/api/forums/{forumId}/ogp-report.csv"), Tags("Public")]
    public static async Task<IResult> Get(Guid forumId, IQuerySession session, TimeProvider clock, IOptions<ForumOptions> options, HttpContext http)
    {
        if (await OgpReportSource.ReportAsync(session, forumId, clock.GetUtcNow(), http.RequestAborted) is not { } report)
            return Problems.Of(ForumDecider.ForumNotFound(forumId));
        return Results.File(Encoding.UTF8.GetBytes(Write(report, options.Value)), "text/csv; charset=utf-8", FileName(report, "csv"));
    }

    public static string FileName(OgpReport report, string extension) =>
        $"ogp-report-{report.ForumId}-{report.GeneratedAt.UtcDateTime:yyyy-MM-dd}.{extension}";

    public static string Write(OgpReport report, ForumOptions options)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        // Titles are typed by people: one that starts like a formula must not run in a spreadsheet.
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default with { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader(Columns);
            foreach (var line in Lines(report, options)) csv.WriteRecord(line);
        }
        return text.ToString();
    }

    /// <summary>One line per requirement (its verdict and summary), then one per overall figure, then one per detail (a meeting, gap or period).</summary>
    public static readonly string[] Columns =
        ["requirement", "rowId", "title", "status", "line", "subject", "date", "figure", "value", "unit", "met", "evidence", "summary"];

    private static IEnumerable<string[]> Lines(OgpReport report, ForumOptions options)
    {
        foreach (var row in report.Rows)
        {
            string[] Line(string kind, Figure? f, string summary = "", string? evidence = null) =>
            [
                row.Requirement, row.Id, row.Title, row.Status.ToString(), kind, f?.Subject ?? "",
                f?.Date?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", f?.Name ?? "",
                f?.Value?.ToString(CultureInfo.InvariantCulture) ?? "", f?.Unit ?? "", f?.Met switch { true => "yes", false => "no", _ => "" },
                Absolute(options, evidence ?? f?.Href), summary,
            ];
            yield return Line("requirement", null, row.Summary, row.Evidence.FirstOrDefault()?.Href);
            foreach (var f in row.Figures) yield return Line("figure", f);
            foreach (var f in row.Details) yield return Line("detail", f);
        }
    }

    public static string Absolute(ForumOptions options, string? href) => href is null ? "" : href.StartsWith('/') ? options.Link(href) : href;
}
