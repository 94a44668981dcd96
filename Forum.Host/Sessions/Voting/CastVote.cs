using Forum.Domain.Sessions.Voting;
using Forum.Projections.Sessions;

namespace Forum.Host.Sessions.Voting;

public sealed record BallotRequest(VoteChoice? Choice);

public static class CastVoteEndpoint
{
    /// <summary>A voting member present votes, or changes their vote while the round is open; the board counts it by group.</summary>
    [WolverinePost("/api/sessions/{sessionId}/items/{itemId}/vote/ballots"), Tags("Live session")]
    public static async Task<(IResult, Events)> Post(Guid itemId, BallotRequest r, [SessionStream] SessionState session, [NotBody] SessionCaller caller,
        IDocumentSession store, TimeProvider clock)
    {
        var me = caller.Forum.MemberByEmail(caller.Actor.Email);
        var current = me is null ? null : await store.LoadAsync<BoardBallot>(BoardKeys.Ballot(session.Id, itemId, me.MemberId));
        return VoteRules.Cast(caller.Forum, session, current?.Choice, new CastVote(itemId, r.Choice), caller.Actor, clock.GetUtcNow()).Answer(caller);
    }
}
