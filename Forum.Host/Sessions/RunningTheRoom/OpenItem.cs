using Forum.Domain.Sessions.RunningTheRoom;

namespace Forum.Host.Sessions.RunningTheRoom;

public static class OpenItemEndpoint
{
    /// <summary>The item becomes the one in front of the room: positions, the proposal and the decision are taken on it, one item at a time.</summary>
    [WolverinePost("/api/sessions/{sessionId}/items/{itemId}/open"), Tags("Live session")]
    public static (IResult, Events) Post(Guid itemId, [SessionStream] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        RoomRules.OpenItem(caller.Forum, session, new OpenItem(itemId), caller.Actor, clock.GetUtcNow()).Answer(caller);
}
