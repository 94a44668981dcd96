using Forum.Domain.Sessions;
using Forum.Domain.Sessions.RunningTheRoom;
using Forum.Host.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.Sessions.RunningTheRoom;

public sealed record HandRequest(bool? Raised);

public static class RaiseHandEndpoint
{
    [WolverinePost("/api/sessions/{sessionId}/hands"), Tags("Live session")]
    public static (IResult, Events) Post(HandRequest r, [WriteAggregate("sessionId", Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        RoomRules.Hand(caller.Forum, session, new RaiseHand(r.Raised), caller.Actor, clock.GetUtcNow()).Answer(caller);
}
