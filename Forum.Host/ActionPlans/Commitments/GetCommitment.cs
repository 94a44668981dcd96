using Forum.Domain.ActionPlans;
using Forum.Domain.Common;
using Forum.Host.Infrastructure;
using Forum.Projections.ActionPlans;
using Marten;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.ActionPlans.Commitments;

public static class GetCommitmentEndpoint
{
    /// <summary>The commitment now, or as it stood at a moment (its own stream folded up to then): every change is an event.</summary>
    [WolverineGet("/api/commitments/{commitmentId}"), Tags("Action plans")]
    public static async Task<IResult> Get(string? at, [ReadAggregate("commitmentId", Required = false)] CommitmentState commitment,
        [NotBody] PlanCaller caller, IQuerySession store, TimeProvider clock)
    {
        // Read here rather than bound by the framework, so that an unreadable moment is a 400, never silently "now".
        var (moment, bad) = ActionPlanRules.Moment("at", at);
        if (bad is not null) return Problems.Of(bad);
        var history = moment is not null
            ? await store.Events.AggregateStreamAsync<CommitmentHistory>(commitment.Id, timestamp: moment.Value.ToUniversalTime())
            : await store.LoadAsync<CommitmentHistory>(commitment.Id);
        if (history is null)
            return Problems.Of(Rejection.NotFound("commitment-not-yet", $"Commitment {commitment.Number} had not been drafted at {moment:O}."));
        return Results.Ok(ActionPlanViews.Commitment(history, ActionPlanRules.Today(moment ?? clock.GetUtcNow())));
    }
}
