using Forum.Domain.Sessions;
using Forum.Domain.Sessions.RunningTheRoom;
using Forum.Host.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.Sessions.RunningTheRoom;

public sealed record ProposalRequest(string? Text);

public static class TableProposalEndpoint
{
    [WolverinePost("/api/sessions/{sessionId}/items/{itemId}/proposal"), Tags("Live session")]
    public static (IResult, Events) Post(Guid itemId, ProposalRequest r, [WriteAggregate("sessionId", Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        RoomRules.Table(caller.Forum, session, new TableProposal(itemId, r.Text), caller.Actor, clock.GetUtcNow()).Answer(caller);
}
