using Forum.Domain.Sessions;
using Forum.Domain.Sessions.RunningTheRoom;
using Forum.Host.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.Sessions.RunningTheRoom;

public static class CloseItemEndpoint
{
    [WolverinePost("/api/sessions/{sessionId}/items/{itemId}/close"), Tags("Live session")]
    public static (IResult, Events) Post(Guid itemId, [WriteAggregate("sessionId", Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        RoomRules.CloseItem(caller.Forum, session, new CloseItem(itemId), caller.Actor, clock.GetUtcNow()).Answer(caller);
}
