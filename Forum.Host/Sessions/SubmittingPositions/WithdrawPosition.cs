using Forum.Domain.Sessions.Positions;
using Forum.Projections.Sessions;

namespace Forum.Host.Sessions.SubmittingPositions;

public static class WithdrawPositionEndpoint
{
    [WolverineDelete("/api/sessions/{sessionId}/items/{itemId}/positions"), Tags("Live session")]
    public static async Task<(IResult, Events)> Delete(Guid itemId, Guid? onBehalfOf,
        [SessionStream] SessionState session, [NotBody] SessionCaller caller,
        IDocumentSession store, TimeProvider clock)
    {
        var memberId = onBehalfOf ?? caller.Forum.MemberByEmail(caller.Actor.Email)?.MemberId;
        var current = memberId is null ? null : await store.LoadAsync<BoardPosition>(BoardKeys.Position(session.Id, itemId, memberId.Value));
        return PositionRules.Withdraw(caller.Forum, session, current?.AsState(),
            new WithdrawPosition(itemId, onBehalfOf), caller.Actor, clock.GetUtcNow()).Answer(caller);
    }
}
