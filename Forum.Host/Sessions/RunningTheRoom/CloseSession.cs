using Forum.Domain.Sessions;
using Forum.Domain.Sessions.RunningTheRoom;
using Forum.Host.Minutes;
using Wolverine;
using Forum.Host.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.Sessions.RunningTheRoom;

public static class CloseSessionEndpoint
{
    /// <summary>Closing drafts the minutes: the DraftMinutes message goes out only if the close commits.</summary>
    [WolverinePost("/api/sessions/{sessionId}/close"), Tags("Live session")]
    public static (IResult, Events, OutgoingMessages) Post([WriteAggregate("sessionId", Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        RoomRules.Close(caller.Forum, session, new CloseSession(), caller.Actor, clock.GetUtcNow()).Answer(caller, _ => new DraftMinutes(session.Id));
}
