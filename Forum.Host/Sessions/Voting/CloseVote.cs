using Forum.Domain.Sessions.Voting;
using Forum.Projections.Sessions;

namespace Forum.Host.Sessions.Voting;

public static class CloseVoteEndpoint
{
    /// <summary>A co-chair closes the round: the result by group follows the rules' threshold, with quorum as it stands now.</summary>
    [WolverinePost("/api/sessions/{sessionId}/items/{itemId}/vote/close"), Tags("Live session")]
    public static async Task<(IResult, Events)> Post(Guid itemId, [SessionStream] SessionState session, [NotBody] SessionCaller caller, IDocumentSession store,
        TimeProvider clock)
    {
        // The ballots as the board's parts have them (read under the session's lock).
        var ballots = (await store.Query<BoardBallot>().Where(b => b.SessionId == session.Id && b.ItemId == itemId).ToListAsync())
            .ToDictionary(b => b.MemberId, b => (b.Group, b.Choice));
        return VoteRules.Close(caller.Forum, session, ballots, new CloseVote(itemId), caller.Actor, clock.GetUtcNow()).Answer(caller);
    }
}
