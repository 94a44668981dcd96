using Forum.Domain.Sessions.Scheduling;

namespace Forum.Host.Sessions.Scheduling;

public sealed record CancelRequest(string? Reason);

/// <summary>Sent when a cancel commits; the invitations workflow sends cancellations.</summary>
public sealed record SessionWasCancelled(Guid SessionId);

public static class CancelSessionEndpoint
{
    [WolverinePost("/api/sessions/{sessionId}/cancel"), Tags("Sessions")]
    public static (IResult, Events, OutgoingMessages) Post(CancelRequest r, [SessionStream] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        SchedulingRules.Cancel(caller.Forum, session, new CancelSession(r.Reason), caller.Actor, clock.GetUtcNow())
            .Answer(caller, _ => new SessionWasCancelled(session.Id));
}
