using Forum.Domain.Forums;
using Forum.Projections.Forums;
using Marten;
using Wolverine.Http;

namespace Forum.Host.Forums.Public;

public static class ListPublicForumsEndpoint
{
    /// <summary>Every forum on this platform, as anyone may see it: name, country, members by group, where its public page and report are.</summary>
    [WolverineGet("/api/forums/public"), Tags("Public")]
    public static async Task<IResult> Get(IQuerySession session, HttpContext http)
    {
        var rosters = await session.Query<ForumRoster>().OrderBy(r => r.Name).ToListAsync(http.RequestAborted);
        return Results.Ok(rosters.Select(r => new
        {
            forumId = r.Id, r.Name, r.Country, r.Language, r.Description, r.EstablishedAt,
            members = Enum.GetValues<StakeholderGroup>().ToDictionary(g => g.ToString(), g => r.Members.Count(m => m.Group == g)),
            links = new { page = PublicSources.PageOf(r.Id), ogpReport = $"/api/forums/{r.Id}/ogp-report" },
        }));
    }
}
