using Forum.Host.Sessions.RunningTheRoom;

namespace Forum.Host.Forums.Membership;

public sealed record ChangeRoleRequest(MemberRole? Role);

public static class ChangeMemberRoleEndpoint
{
    [WolverinePut("/api/forums/{forumId}/members/{memberId}/role"), Tags("Forums")]
    public static (IResult, Events, OutgoingMessages) Put(Guid memberId, ChangeRoleRequest r, [WriteAggregate("forumId", Required = false)] ForumState forum, [NotBody] Actor actor,
        TimeProvider clock) =>
        ForumDecider.ChangeRole(forum, new ChangeMemberRole(forum.Id, memberId, r.Role), actor, clock.GetUtcNow()).Answer(Results.NoContent(), _ => new ForumMembershipChanged(forum.Id));
}
