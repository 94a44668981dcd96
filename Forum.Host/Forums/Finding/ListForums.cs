using Forum.Projections.Forums;

namespace Forum.Host.Forums.Finding;

public static class ListForumsEndpoint
{
    [WolverineGet("/api/forums"), Tags("Forums")]
    public static async Task<IResult> Get([NotBody] Actor actor, IQuerySession session)
    {
        var forums = await VisibleTo(session, actor);
        return Results.Ok(forums.Select(f => new { forumId = f.Id, f.Name, f.Country, f.Language, f.Members }));
    }

    /// <summary>The forums a person may find: those they belong to or serve as secretariat; every forum for the administrator.</summary>
    public static Task<IReadOnlyList<ForumDirectoryEntry>> VisibleTo(IQuerySession session, Actor actor) =>
        session.Query<ForumDirectoryEntry>().Where(f => actor.IsAdministrator || f.People.Contains(actor.Email)).OrderBy(f => f.Name).ToListAsync();
}
