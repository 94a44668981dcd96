using Forum.Domain.Sessions.Scheduling;

namespace Forum.Host.Sessions.Agenda;

public sealed record WithdrawItemRequest(string? Reason);

public static class WithdrawAgendaItemEndpoint
{
    /// <summary>Only an item not yet taken up is withdrawn; it stays on the agenda, marked, with the reason.</summary>
    [WolverinePost("/api/sessions/{sessionId}/agenda/{itemId}/withdraw"), Tags("Sessions")]
    public static (IResult, Events) Post(Guid itemId, WithdrawItemRequest r, [SessionStream] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock) =>
        SchedulingRules.WithdrawItem(caller.Forum, session, new WithdrawAgendaItem(itemId, r.Reason), caller.Actor, clock.GetUtcNow()).Answer(caller);
}
