using Forum.Domain.ActionPlans;
using Forum.Projections.ActionPlans;
using Marten;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.ActionPlans.CoCreation;

public static class GetActionPlanEndpoint
{
    /// <summary>The tracker (ADR 0017): the plan, one small row per commitment, the proposals' answers.</summary>
    [WolverineGet("/api/action-plans/{actionPlanId}"), Tags("Action plans")]
    public static async Task<IResult> Get([ReadAggregate("actionPlanId", Required = false)] ActionPlanState plan, [NotBody] PlanCaller caller,
        IQuerySession store, TimeProvider clock) =>
        Results.Ok(await Tracker(store, plan, ActionPlanRules.Today(clock.GetUtcNow())));

    public static async Task<ActionPlanTracker> Tracker(IQuerySession store, ActionPlanState plan, DateOnly today)
    {
        // One round trip for both.
        var batch = store.CreateBatchQuery();
        var rows = batch.Query<CommitmentRow>().Where(r => r.ActionPlanId == plan.Id).ToList();
        var answers = batch.Query<ProposalView>().Where(p => p.ActionPlanId == plan.Id).Select(p => p.Response!).ToList();
        await batch.Execute();
        return ActionPlanTracker.From(plan, await rows, (await answers).Select(a => a?.Outcome), today);
    }
}
