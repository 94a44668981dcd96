using Forum.Domain.ActionPlans;
using Forum.Projections.ActionPlans;
using Marten;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.ActionPlans.CoCreation;

public static class GetActionPlanEndpoint
{
    /// <summary>The tracker (ADR 0013): the plan, one row per commitment selected out of its history, the proposals' answers.</summary>
    [WolverineGet("/api/action-plans/{actionPlanId}"), Tags("Action plans")]
    public static async Task<IResult> Get([ReadAggregate("actionPlanId", Required = false)] ActionPlanState plan, [NotBody] PlanCaller caller,
        IQuerySession store, TimeProvider clock) =>
        Results.Ok(await Tracker(store, plan, ActionPlanRules.Today(clock.GetUtcNow())));

    public static async Task<ActionPlanTracker> Tracker(IQuerySession store, ActionPlanState plan, DateOnly today)
    {
        var rows = await store.Query<CommitmentHistory>().Where(h => h.ActionPlanId == plan.Id).Select(h => h.Row).ToListAsync();
        var answers = await store.Query<ProposalView>().Where(p => p.ActionPlanId == plan.Id).Select(p => p.Response!).ToListAsync();
        return ActionPlanTracker.From(plan, rows, answers.Select(a => a?.Outcome), today);
    }
}
