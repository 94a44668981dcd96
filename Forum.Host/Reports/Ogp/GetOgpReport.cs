using Forum.Domain.Forums;
using Forum.Host.Forums.Public;
using Forum.Host.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Forum.Host.Reports.Ogp;

public static class GetOgpReportEndpoint
{
    /// <summary>The OGP standards report, public: one row per requirement, met or not, with its figures and evidence.</summary>
    [WolverineGet("/api/forums/{forumId}/ogp-report"), Tags("Public")]
    public static async Task<IResult> Get(Guid forumId, IQuerySession session, TimeProvider clock, HttpContext http) =>
        await OgpReportSource.ReportAsync(session, forumId, clock.GetUtcNow(), http.RequestAborted) is { } report
            ? Results.Ok(report)
            : Problems.Of(ForumDecider.ForumNotFound(forumId));
}
