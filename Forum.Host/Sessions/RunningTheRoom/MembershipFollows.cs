using Forum.Domain.Sessions.RunningTheRoom;
using Forum.Projections.Sessions;

namespace Forum.Host.Sessions.RunningTheRoom;

/// <summary>Sent when the forum's membership changed (admitted, removed, role changed): its open sessions follow.</summary>
public sealed record ForumMembershipChanged(Guid ForumId);

public static class MembershipFollowsHandler
{
    /// <summary>
    /// A durable reaction to a change of the roster: each session of the forum that is open recounts against the voting members
    /// as they now stand (RoomRules.Recount), under its lock, so quorum at every moment counts who really belongs and is present.
    /// </summary>
    public static async Task Handle(ForumMembershipChanged m, IDocumentSession session, StateCache cache, TimeProvider clock)
    {
        var forum = await cache.Forum(session, m.ForumId);
        if (forum is null) return;
        var open = await session.Query<SessionBoard>().Where(b => b.ForumId == m.ForumId && b.Status == SessionStatus.Open).Select(b => b.Id).ToListAsync();
        foreach (var sessionId in open.Order())
        {
            var stream = await session.Events.FetchForExclusiveWriting<SessionState>(sessionId);
            if (stream.Aggregate is not { } state) continue;
            var verdict = RoomRules.Recount(forum, state, clock.GetUtcNow());
            if (verdict.Events.Count > 0) stream.AppendMany(verdict.Events);
        }
    }
}
