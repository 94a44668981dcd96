using Forum.Domain.Sessions.RunningTheRoom;

namespace Forum.Host.Sessions.RunningTheRoom;

public static class CloseItemEndpoint
{
    /// <summary>A decision item closes only with its decision on record (Deferred if it waits); the room moves on.</summary>
    [WolverinePost("/api/sessions/{sessionId}/items/{itemId}/close"), Tags("Live session")]
    public static (IResult, Events) Post(Guid itemId, [SessionStream] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        RoomRules.CloseItem(caller.Forum, session, new CloseItem(itemId), caller.Actor, clock.GetUtcNow()).Answer(caller);
}
