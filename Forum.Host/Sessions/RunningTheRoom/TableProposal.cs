using Forum.Domain.Sessions.RunningTheRoom;

namespace Forum.Host.Sessions.RunningTheRoom;

public sealed record ProposalRequest(string? Text);

public static class TableProposalEndpoint
{
    /// <summary>The first text tables the draft decision; another text revises it (and numbers the revision); the same text changes nothing.</summary>
    [WolverinePost("/api/sessions/{sessionId}/items/{itemId}/proposal"), Tags("Live session")]
    public static (IResult, Events) Post(Guid itemId, ProposalRequest r, [SessionStream] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        RoomRules.Table(caller.Forum, session, new TableProposal(itemId, r.Text), caller.Actor, clock.GetUtcNow()).Answer(caller);
}
