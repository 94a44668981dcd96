using Forum.Domain.Sessions.RunningTheRoom;

namespace Forum.Host.Sessions.RunningTheRoom;

public sealed record HandRequest(bool? Raised);

public static class RaiseHandEndpoint
{
    /// <summary>A raised hand joins the queue the co-chairs give the floor from; raising it twice changes nothing.</summary>
    [WolverinePost("/api/sessions/{sessionId}/hands"), Tags("Live session")]
    public static (IResult, Events) Post(HandRequest r, [SessionStream] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        RoomRules.Hand(caller.Forum, session, new RaiseHand(r.Raised), caller.Actor, clock.GetUtcNow()).Answer(caller);
}
