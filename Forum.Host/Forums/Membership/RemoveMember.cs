using Forum.Host.Sessions.RunningTheRoom;

namespace Forum.Host.Forums.Membership;

public static class RemoveMemberEndpoint
{
    [WolverineDelete("/api/forums/{forumId}/members/{memberId}"), Tags("Forums")]
    public static (IResult, Events, OutgoingMessages) Delete(Guid memberId, [WriteAggregate("forumId", Required = false)] ForumState forum, [NotBody] Actor actor, TimeProvider clock) =>
        ForumDecider.Remove(forum, new RemoveMember(forum.Id, memberId), actor, clock.GetUtcNow()).Answer(Results.NoContent(), _ => new ForumMembershipChanged(forum.Id));
}
