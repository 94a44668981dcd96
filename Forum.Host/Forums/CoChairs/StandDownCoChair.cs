namespace Forum.Host.Forums.CoChairs;

public static class StandDownCoChairEndpoint
{
    [WolverineDelete("/api/forums/{forumId}/co-chairs/{memberId}"), Tags("Forums")]
    public static (IResult, Events) Delete(Guid memberId, [WriteAggregate("forumId", Required = false)] ForumState forum, [NotBody] Actor actor, TimeProvider clock) =>
        ForumDecider.StandDown(forum, new StandDownCoChair(forum.Id, memberId), actor, clock.GetUtcNow()).Answer(Results.NoContent());
}
