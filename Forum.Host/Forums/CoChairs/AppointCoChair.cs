using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Host.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.Forums.CoChairs;

public sealed record AppointCoChairRequest(Guid? MemberId);

public static class AppointCoChairEndpoint
{
    [WolverinePost("/api/forums/{forumId}/co-chairs"), Tags("Forums")]
    public static (IResult, Events) Post(AppointCoChairRequest r, [WriteAggregate("forumId", Required = false)] ForumState forum, [NotBody] Actor actor,
        TimeProvider clock) =>
        ForumDecider.Appoint(forum, new AppointCoChair(forum.Id, r.MemberId), actor, clock.GetUtcNow()).Answer(Results.NoContent());
}
