using Forum.Domain.Sessions.Scheduling;

namespace Forum.Host.Sessions.Scheduling;

public sealed record RescheduleRequest(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Venue, string? OnlineUrl);

/// <summary>Sent when a reschedule commits; the invitations workflow sends updates and moves reminders.</summary>
public sealed record SessionScheduleChanged(Guid SessionId);

public static class RescheduleSessionEndpoint
{
    [WolverinePut("/api/sessions/{sessionId}/schedule"), Tags("Sessions")]
    public static (IResult, Events, OutgoingMessages) Put(RescheduleRequest r, [SessionStream] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        SchedulingRules.Reschedule(caller.Forum, session, new RescheduleSession(r.StartsAt, r.EndsAt, r.Venue, r.OnlineUrl), caller.Actor, clock.GetUtcNow())
            .Answer(caller, _ => new SessionScheduleChanged(session.Id));
}
