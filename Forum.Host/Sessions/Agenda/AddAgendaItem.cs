using Forum.Domain.ActionPlans;
using Forum.Domain.ActionPlans.Adoption;
using Forum.Domain.Sessions.Scheduling;
using Forum.Host.ActionPlans.Adoption;

namespace Forum.Host.Sessions.Agenda;

public sealed record AgendaItemRequest(string? Title, string? Description, ItemKind? Kind, string? Presenter, int? Minutes, Guid? CommitmentId = null, Guid? ProposalId = null);

public static class AddAgendaItemEndpoint
{
    public static Task<AgendaLinkTarget> LoadAsync(AgendaItemRequest r, IQuerySession store) => AgendaLinkTarget.Find(store, r.CommitmentId, r.ProposalId);

    [WolverinePost("/api/sessions/{sessionId}/agenda"), Tags("Sessions")]
    public static (IResult, Events) Post(AgendaItemRequest r, [SessionStream] SessionState session, [NotBody] SessionCaller caller, AgendaLinkTarget target,
        TimeProvider clock)
    {
        var itemId = Guid.CreateVersion7();
        var verdict = SchedulingRules.AddItem(caller.Forum, session, new AddAgendaItem(itemId, r.Title, r.Description, r.Kind, r.Presenter, r.Minutes), caller.Actor,
            clock.GetUtcNow());
        verdict = AdoptionRules.WithLink(verdict, session.ForumId, session.Id, new LinkAgendaItem(itemId, r.CommitmentId, r.ProposalId), target.Commitment, target.Proposal,
            caller.Actor, clock.GetUtcNow());
        return verdict.Answer(Results.Created($"/api/sessions/{session.Id}/agenda/{itemId}", new { itemId, version = caller.Version + verdict.Events.Count }));
    }
}
