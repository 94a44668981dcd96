using Forum.Domain.Sessions.Scheduling;

namespace Forum.Host.Sessions.Agenda;

public static class AmendAgendaItemEndpoint
{
    [WolverinePut("/api/sessions/{sessionId}/agenda/{itemId}"), Tags("Sessions")]
    public static (IResult, Events) Put(Guid itemId, AgendaItemRequest r, [SessionStream] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        SchedulingRules.AmendItem(caller.Forum, session, new AmendAgendaItem(itemId, r.Title, r.Description, r.Kind, r.Presenter, r.Minutes), caller.Actor,
            clock.GetUtcNow()).Answer(caller);
}
