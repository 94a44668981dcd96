using Forum.Domain.Sessions.Decisions;
using Forum.Projections.Sessions;

namespace Forum.Host.Sessions.Decisions;

public sealed record DecisionRequest(Outcome? Outcome, string? Text, List<ResponseToPosition>? Responses, List<NewActionPoint>? ActionPoints);

public static class RecordDecisionEndpoint
{
    [WolverinePost("/api/sessions/{sessionId}/items/{itemId}/decision"), Tags("Live session")]
    public static async Task<(IResult, Events)> Post(Guid itemId, DecisionRequest r,
        [SessionStream] SessionState session, [NotBody] SessionCaller caller,
        IDocumentSession store, TimeProvider clock)
    {
        // The positions standing on the item, as the board's parts have them (read under the session's lock).
        var positions = (await store.Query<BoardPosition>().Where(p => p.SessionId == session.Id && p.ItemId == itemId && !p.Withdrawn).ToListAsync())
            .ToDictionary(p => p.MemberId, p => p.AsState());
        var actionPointIds = Enumerable.Range(0, r.ActionPoints?.Count ?? 0).Select(_ => Guid.CreateVersion7()).ToList();
        return DecisionRules.Decide(caller.Forum, session, positions, new RecordDecision(itemId, r.Outcome, r.Text, r.Responses, r.ActionPoints, actionPointIds),
            caller.Actor, clock.GetUtcNow()).Answer(caller);
    }
}
