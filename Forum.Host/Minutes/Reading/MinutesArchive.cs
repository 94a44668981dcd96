using Forum.Domain.Minutes;
using Forum.Host.Minutes.Reviewing;
using Forum.Projections.Forums;
using Forum.Projections.Minutes;

namespace Forum.Host.Minutes.Reading;

public static class MinutesArchiveEndpoint
{
    /// <summary>A forum's published minutes, newest first: public, no sign-in.</summary>
    [WolverineGet("/api/forums/{forumId}/minutes"), Tags("Minutes")]
    public static async Task<IResult> Get(Guid forumId, IQuerySession session)
    {
        var roster = await session.LoadAsync<ForumRoster>(forumId);
        if (roster is null) return Problems.Of(ForumDecider.ForumNotFound(forumId));
        var published = await session.Query<MinutesView>()
            .Where(v => v.ForumId == forumId && v.Status == MinutesStatus.Published)
            .OrderByDescending(v => v.SessionStartsAt).ToListAsync();
        return Results.Ok(new
        {
            forumId, roster.Name, roster.Country,
            minutes = published.Select(v => new
            {
                minutesId = v.Id, v.SessionId, v.SessionTitle, v.SessionStartsAt, v.Language, v.PublishedAt, v.DocumentSha256, v.KeyId,
                links = MinutesViews.Links(v.Id, v.Status),
            }),
        });
    }
}
