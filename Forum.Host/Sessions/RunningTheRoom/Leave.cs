using Forum.Domain.Sessions.RunningTheRoom;

namespace Forum.Host.Sessions.RunningTheRoom;

public sealed record LeaveRequest(Guid? MemberId);

public static class LeaveEndpoint
{
    /// <summary>
    /// Leaving ends one's presence (or, for the secretariat, records someone leaving): quorum counts who is really present, a held
    /// floor is yielded with its time, a raised hand comes down.
    /// </summary>
    [WolverinePost("/api/sessions/{sessionId}/leave"), Tags("Live session")]
    public static (IResult, Events) Post(LeaveRequest r, [SessionStream] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        RoomRules.Leave(caller.Forum, session, new Leave(r.MemberId), caller.Actor, clock.GetUtcNow()).Answer(caller);
}
