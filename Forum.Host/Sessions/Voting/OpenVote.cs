using Forum.Domain.Sessions.Voting;

namespace Forum.Host.Sessions.Voting;

public sealed record OpenVoteRequest(string? Question);

public static class OpenVoteEndpoint
{
    /// <summary>A co-chair puts the item's proposal (or a question) to a vote, where the forum's rules allow one.</summary>
    [WolverinePost("/api/sessions/{sessionId}/items/{itemId}/vote"), Tags("Live session")]
    public static (IResult, Events) Post(Guid itemId, OpenVoteRequest? r, [SessionStream] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        VoteRules.Open(caller.Forum, session, new OpenVote(itemId, r?.Question), caller.Actor, clock.GetUtcNow()).Answer(caller);
}
