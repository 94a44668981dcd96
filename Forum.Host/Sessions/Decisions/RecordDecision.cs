using Forum.Domain.Sessions;
using Forum.Domain.Sessions.Decisions;
using Forum.Host.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.Sessions.Decisions;

public sealed record DecisionRequest(Outcome? Outcome, string? Text, List<ResponseToPosition>? Responses, List<NewActionPoint>? ActionPoints);

public static class RecordDecisionEndpoint
{
    [WolverinePost("/api/sessions/{sessionId}/items/{itemId}/decision"), Tags("Live session")]
    public static (IResult, Events) Post(Guid itemId, DecisionRequest r, [WriteAggregate("sessionId", Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] SessionState session, [NotBody] SessionCaller caller, TimeProvider clock)
    {
        var actionPointIds = Enumerable.Range(0, r.ActionPoints?.Count ?? 0).Select(_ => Guid.CreateVersion7()).ToList();
        return DecisionRules.Decide(caller.Forum, session, new RecordDecision(itemId, r.Outcome, r.Text, r.Responses, r.ActionPoints, actionPointIds),
            caller.Actor, clock.GetUtcNow()).Answer(caller);
    }
}
