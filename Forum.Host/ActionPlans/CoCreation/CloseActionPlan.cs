using Forum.Domain.ActionPlans;
using Forum.Domain.ActionPlans.CoCreation;
using Forum.Host.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.ActionPlans.CoCreation;

public sealed record CloseActionPlanRequest(string? Note);

public static class CloseActionPlanEndpoint
{
    /// <summary>The end of the cycle: the plan's record stops changing (reports, assessments, proposals, amendments).</summary>
    [WolverinePost("/api/action-plans/{actionPlanId}/close"), Tags("Action plans")]
    public static (IResult, Events) Post(CloseActionPlanRequest r, [WriteAggregate("actionPlanId", Required = false)] ActionPlanState plan,
        [NotBody] PlanCaller caller, TimeProvider clock) =>
        CoCreationRules.Close(caller.Forum, plan, new CloseActionPlan(r.Note), caller.Actor, clock.GetUtcNow()).Answer(Results.NoContent());
}
