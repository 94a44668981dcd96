using Forum.Domain.Sessions;
using Forum.Domain.Sessions.RunningTheRoom;
using Forum.Host.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.Sessions.RunningTheRoom;

public sealed record LeaveRequest(Guid? MemberId);

public static class LeaveEndpoint
{
    [WolverinePost("/api/sessions/{sessionId}/leave"), Tags("Live session")]
    public static (IResult, Events) Post(LeaveRequest r, [WriteAggregate("sessionId", Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        RoomRules.Leave(caller.Forum, session, new Leave(r.MemberId), caller.Actor, clock.GetUtcNow()).Answer(caller);
}
