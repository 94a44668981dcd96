using Forum.Domain.Sessions.RunningTheRoom;

namespace Forum.Host.Sessions.RunningTheRoom;

public sealed record CheckInRequest(Presence? Presence, Guid? MemberId);

public static class CheckInEndpoint
{
    [WolverinePost("/api/sessions/{sessionId}/check-in"), Tags("Live session")]
    public static (IResult, Events) Post(CheckInRequest r, [SessionStream] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        RoomRules.CheckIn(caller.Forum, session, new CheckIn(r.Presence, r.MemberId), caller.Actor, clock.GetUtcNow()).Answer(caller);
}
