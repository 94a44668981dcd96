using Forum.Domain.Sessions;
using Forum.Domain.Sessions.RunningTheRoom;
using Forum.Host.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.Sessions.RunningTheRoom;

public sealed record FloorRequest(Guid? MemberId);

public static class GiveFloorEndpoint
{
    /// <summary>A member id gives the floor; no body (or no id) takes it back.</summary>
    [WolverinePost("/api/sessions/{sessionId}/floor"), Tags("Live session")]
    public static (IResult, Events) Post(FloorRequest? r, [WriteAggregate("sessionId", Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        RoomRules.Floor(caller.Forum, session, new GiveFloor(r?.MemberId), caller.Actor, clock.GetUtcNow()).Answer(caller);
}
