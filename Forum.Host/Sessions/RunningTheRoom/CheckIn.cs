using Forum.Domain.Sessions;
using Forum.Domain.Sessions.RunningTheRoom;
using Forum.Host.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.Sessions.RunningTheRoom;

public sealed record CheckInRequest(Presence? Presence, Guid? MemberId);

public static class CheckInEndpoint
{
    [WolverinePost("/api/sessions/{sessionId}/check-in"), Tags("Live session")]
    public static (IResult, Events) Post(CheckInRequest r, [WriteAggregate("sessionId", Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        RoomRules.CheckIn(caller.Forum, session, new CheckIn(r.Presence, r.MemberId), caller.Actor, clock.GetUtcNow()).Answer(caller);
}
