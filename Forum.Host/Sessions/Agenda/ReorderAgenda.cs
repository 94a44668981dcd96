using Forum.Domain.Sessions;
using Forum.Domain.Sessions.Scheduling;
using Forum.Host.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.Sessions.Agenda;

public sealed record ReorderRequest(List<Guid>? ItemIds);

public static class ReorderAgendaEndpoint
{
    [WolverinePut("/api/sessions/{sessionId}/agenda"), Tags("Sessions")]
    public static (IResult, Events) Put(ReorderRequest r, [WriteAggregate("sessionId", Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        SchedulingRules.Reorder(caller.Forum, session, new ReorderAgenda(r.ItemIds), caller.Actor, clock.GetUtcNow()).Answer(caller);
}
