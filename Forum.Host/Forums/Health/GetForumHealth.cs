using Forum.Projections.Forums;
using Forum.Projections.Sessions;

namespace Forum.Host.Forums.Health;

public static class GetForumHealthEndpoint
{
    [WolverineGet("/api/forums/{forumId}/health"), Tags("Forums")]
    public static async Task<IResult> Get([ReadAggregate("forumId", Required = false)] ForumState forum, [NotBody] Actor actor, IQuerySession session,
        TimeProvider clock)
    {
        if (ForumAccess.Require(forum, actor, ForumRole.Observer, "see this forum's health") is { } denied) return Problems.Of(denied);
        var boards = await session.Query<SessionBoard>().Where(b => b.ForumId == forum.Id).ToListAsync();
        return Results.Ok(ForumHealth.From(forum.Id, boards, clock.GetUtcNow()));
    }
}
