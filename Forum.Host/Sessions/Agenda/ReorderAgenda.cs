using Forum.Domain.Sessions.Scheduling;

namespace Forum.Host.Sessions.Agenda;

public sealed record ReorderRequest(List<Guid>? ItemIds);

public static class ReorderAgendaEndpoint
{
    [WolverinePut("/api/sessions/{sessionId}/agenda"), Tags("Sessions")]
    public static (IResult, Events) Put(ReorderRequest r, [SessionStream] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        SchedulingRules.Reorder(caller.Forum, session, new ReorderAgenda(r.ItemIds), caller.Actor, clock.GetUtcNow()).Answer(caller);
}
