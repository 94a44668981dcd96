using Forum.Domain.Sessions.RunningTheRoom;
using Forum.Host.Minutes;

namespace Forum.Host.Sessions.RunningTheRoom;

public static class CloseSessionEndpoint
{
    /// <summary>Closing drafts the minutes: the DraftMinutes message goes out only if the close commits.</summary>
    [WolverinePost("/api/sessions/{sessionId}/close"), Tags("Live session")]
    public static (IResult, Events, OutgoingMessages) Post([SessionStream] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        RoomRules.Close(caller.Forum, session, new CloseSession(), caller.Actor, clock.GetUtcNow()).Answer(caller, _ => new DraftMinutes(session.Id));
}
