using Forum.Domain.Sessions.Scheduling;

namespace Forum.Host.Sessions.Agenda;

public sealed record AgendaItemRequest(string? Title, string? Description, ItemKind? Kind, string? Presenter, int? Minutes);

public static class AddAgendaItemEndpoint
{
    [WolverinePost("/api/sessions/{sessionId}/agenda"), Tags("Sessions")]
    public static (IResult, Events) Post(AgendaItemRequest r, [SessionStream] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock)
    {
        var itemId = Guid.CreateVersion7();
        var verdict = SchedulingRules.AddItem(caller.Forum, session, new AddAgendaItem(itemId, r.Title, r.Description, r.Kind, r.Presenter, r.Minutes), caller.Actor,
            clock.GetUtcNow());
        return verdict.Answer(Results.Created($"/api/sessions/{session.Id}/agenda/{itemId}", new { itemId, version = caller.Version + verdict.Events.Count }));
    }
}
