using Forum.Domain.ActionPlans;
using Forum.Projections.ActionPlans;
using Marten;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.ActionPlans.CoCreation;

public static class ListProposalsEndpoints
{
    /// <summary>Standard 4 in public: every proposal with its reasoned response; names only with consent, never an address.</summary>
    [WolverineGet("/api/action-plans/{actionPlanId}/proposals"), Tags("Action plans")]
    public static async Task<IResult> Get([ReadAggregate("actionPlanId", Required = false)] ActionPlanState plan, [NotBody] PlanCaller caller, IQuerySession store)
    {
        var proposals = await store.Query<ProposalView>().Where(p => p.ActionPlanId == plan.Id).OrderBy(p => p.SubmittedAt).ToListAsync();
        return Results.Ok(proposals.Select(ActionPlanViews.Proposal));
    }

    [WolverineGet("/api/proposals/{proposalId}"), Tags("Action plans")]
    public static async Task<IResult> GetOne([ReadAggregate("proposalId", Required = false)] ProposalState proposal, [NotBody] PlanCaller caller, IQuerySession store) =>
        Results.Ok(ActionPlanViews.Proposal((await store.LoadAsync<ProposalView>(proposal.Id))!));
}
