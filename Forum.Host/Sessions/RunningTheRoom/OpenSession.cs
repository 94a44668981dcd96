using Forum.Domain.Sessions;
using Forum.Domain.Sessions.RunningTheRoom;
using Forum.Host.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.Sessions.RunningTheRoom;

public static class OpenSessionEndpoint
{
    [WolverinePost("/api/sessions/{sessionId}/open"), Tags("Live session")]
    public static (IResult, Events) Post([WriteAggregate("sessionId", Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        RoomRules.Open(caller.Forum, session, new OpenSession(), caller.Actor, clock.GetUtcNow()).Answer(caller);
}
