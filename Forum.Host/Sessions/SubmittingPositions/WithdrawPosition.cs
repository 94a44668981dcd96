using Forum.Domain.Sessions;
using Forum.Domain.Sessions.Positions;
using Forum.Host.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.Sessions.SubmittingPositions;

public static class WithdrawPositionEndpoint
{
    [WolverineDelete("/api/sessions/{sessionId}/items/{itemId}/positions"), Tags("Live session")]
    public static (IResult, Events) Delete(Guid itemId, Guid? onBehalfOf, [WriteAggregate("sessionId", Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        PositionRules.Withdraw(caller.Forum, session, new WithdrawPosition(itemId, onBehalfOf), caller.Actor, clock.GetUtcNow()).Answer(caller);
}
