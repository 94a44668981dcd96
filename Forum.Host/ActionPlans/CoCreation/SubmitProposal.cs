using System.Security.Claims;
using Forum.Domain.ActionPlans;
using Forum.Domain.ActionPlans.CoCreation;
using Forum.Host.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.ActionPlans.CoCreation;

public sealed record ProposalRequest(string? Title, string? Problem, string? Solution, string? PublicName);

public static class SubmitProposalEndpoint
{
    public static ProblemDetails Before(ClaimsPrincipal user, HttpContext http, ProposalRateLimits limits) => limits.Check(user, http);

    /// <summary>Each proposal is its own stream: a public call for proposals never contends on the plan's stream.</summary>
    [WolverinePost("/api/action-plans/{actionPlanId}/proposals"), Tags("Action plans")]
    public static (IResult, IMartenOp) Post(ProposalRequest r, [ReadAggregate("actionPlanId", Required = false)] ActionPlanState plan, [NotBody] PlanCaller caller,
        TimeProvider clock)
    {
        var proposalId = Guid.CreateVersion7();
        return CoCreationRules.Submit(caller.Forum, plan, new SubmitProposal(proposalId, r.Title, r.Problem, r.Solution, r.PublicName), caller.Actor, clock.GetUtcNow())
            .Start<ProposalState>(proposalId, Results.Created($"/api/proposals/{proposalId}", new { proposalId }));
    }
}
