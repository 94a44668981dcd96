using Forum.Domain.Sessions;
using Forum.Domain.Sessions.Scheduling;
using Forum.Host.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.Sessions.Agenda;

public sealed record WithdrawItemRequest(string? Reason);

public static class WithdrawAgendaItemEndpoint
{
    [WolverinePost("/api/sessions/{sessionId}/agenda/{itemId}/withdraw"), Tags("Sessions")]
    public static (IResult, Events) Post(Guid itemId, WithdrawItemRequest r, [WriteAggregate("sessionId", Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        SchedulingRules.WithdrawItem(caller.Forum, session, new WithdrawAgendaItem(itemId, r.Reason), caller.Actor, clock.GetUtcNow()).Answer(caller);
}
