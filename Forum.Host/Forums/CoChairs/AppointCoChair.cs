namespace Forum.Host.Forums.CoChairs;

public sealed record AppointCoChairRequest(Guid? MemberId);

public static class AppointCoChairEndpoint
{
    /// <summary>At most one Government and one CivilSociety co-chair at a time; appointing a second of a group is refused.</summary>
    [WolverinePost("/api/forums/{forumId}/co-chairs"), Tags("Forums")]
    public static (IResult, Events) Post(AppointCoChairRequest r, [WriteAggregate("forumId", Required = false)] ForumState forum, [NotBody] Actor actor,
        TimeProvider clock) =>
        ForumDecider.Appoint(forum, new AppointCoChair(forum.Id, r.MemberId), actor, clock.GetUtcNow()).Answer(Results.NoContent());
}
