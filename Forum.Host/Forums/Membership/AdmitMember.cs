using Forum.Host.Sessions.RunningTheRoom;

namespace Forum.Host.Forums.Membership;

public sealed record AdmitMemberRequest(string? Name, string? Email, string? Organisation, StakeholderGroup? Group, MemberRole? Role);

public static class AdmitMemberEndpoint
{
    [WolverinePost("/api/forums/{forumId}/members"), Tags("Forums")]
    public static (IResult, Events, OutgoingMessages) Post(AdmitMemberRequest r, [WriteAggregate("forumId", Required = false)] ForumState forum, [NotBody] Actor actor, TimeProvider clock)
    {
        var memberId = Guid.CreateVersion7();
        return ForumDecider.Admit(forum, new AdmitMember(forum.Id, memberId, r.Name, r.Email, r.Organisation, r.Group, r.Role), actor, clock.GetUtcNow())
            .Answer(Results.Created($"/api/forums/{forum.Id}/members/{memberId}", new { memberId }), _ => new ForumMembershipChanged(forum.Id));
    }
}
