using Forum.Projections.Sessions;

namespace Forum.Host.Sessions.Scheduling;

public static class ListSessionsEndpoint
{
    [WolverineGet("/api/forums/{forumId}/sessions"), Tags("Sessions")]
    public static async Task<IResult> Get([ReadAggregate("forumId", Required = false)] ForumState forum, [NotBody] Actor actor, IQuerySession session)
    {
        if (SessionRules.MaySee(forum, actor) is { } denied) return Problems.Of(denied);
        var boards = await session.Query<SessionBoard>().Where(b => b.ForumId == forum.Id).OrderBy(b => b.StartsAt).ToListAsync();
        return Results.Ok(boards.Select(b => new { sessionId = b.Id, b.Title, b.StartsAt, b.EndsAt, b.Mode, b.Venue, b.Status, b.Language }));
    }
}
