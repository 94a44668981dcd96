using Forum.Domain.Sessions.RunningTheRoom;

namespace Forum.Host.Sessions.RunningTheRoom;

public sealed record FloorRequest(Guid? MemberId);

public static class GiveFloorEndpoint
{
    /// <summary>A member id gives the floor; no body (or no id) takes it back.</summary>
    [WolverinePost("/api/sessions/{sessionId}/floor"), Tags("Live session")]
    public static (IResult, Events) Post(FloorRequest? r, [SessionStream] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        RoomRules.Floor(caller.Forum, session, new GiveFloor(r?.MemberId), caller.Actor, clock.GetUtcNow()).Answer(caller);
}
