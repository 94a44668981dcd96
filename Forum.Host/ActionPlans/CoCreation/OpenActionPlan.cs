using Forum.Domain.ActionPlans;
using Forum.Domain.ActionPlans.CoCreation;
using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Host.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.ActionPlans.CoCreation;

public sealed record OpenActionPlanRequest(string? Title, DateOnly? StartsOn, DateOnly? EndsOn, DateOnly? ProposalsCloseOn);

public static class OpenActionPlanEndpoint
{
    [WolverinePost("/api/forums/{forumId}/action-plans"), Tags("Action plans")]
    public static (IResult, IMartenOp) Post(OpenActionPlanRequest r, [ReadAggregate("forumId", Required = false)] ForumState forum, [NotBody] Actor actor,
        TimeProvider clock)
    {
        var actionPlanId = Guid.CreateVersion7();
        return CoCreationRules.Open(forum, new OpenActionPlan(actionPlanId, r.Title, r.StartsOn, r.EndsOn, r.ProposalsCloseOn), actor, clock.GetUtcNow())
            .Start<ActionPlanState>(actionPlanId, Results.Created($"/api/action-plans/{actionPlanId}", new { actionPlanId }));
    }
}
