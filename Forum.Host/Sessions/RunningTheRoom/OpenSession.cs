using Forum.Domain.Sessions.RunningTheRoom;

namespace Forum.Host.Sessions.RunningTheRoom;

public static class OpenSessionEndpoint
{
    [WolverinePost("/api/sessions/{sessionId}/open"), Tags("Live session")]
    public static (IResult, Events) Post([SessionStream] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        RoomRules.Open(caller.Forum, session, new OpenSession(), caller.Actor, clock.GetUtcNow()).Answer(caller);
}
