namespace Forum.Host.Forums.Establishing;

public sealed record EstablishForumRequest(string? Name, string? Country, string? Language, string? Description);

public static class EstablishForumEndpoint
{
    [WolverinePost("/api/forums"), Tags("Forums")]
    public static (IResult, IMartenOp) Post(EstablishForumRequest r, [NotBody] Actor actor, TimeProvider clock)
    {
        var forumId = Guid.CreateVersion7();
        return ForumDecider.Establish(new EstablishForum(forumId, r.Name, r.Country, r.Language, r.Description), actor, clock.GetUtcNow())
            .Start<ForumState>(forumId, Results.Created($"/api/forums/{forumId}", new { forumId }));
    }
}
