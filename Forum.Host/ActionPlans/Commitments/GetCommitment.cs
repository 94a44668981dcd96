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
    public static async Task<IResult> Get(DateTimeOffset? at, [ReadAggregate("commitmentId", Required = false)] CommitmentState commitment,
        [NotBody] PlanCaller caller, IQuerySession store, TimeProvider clock)
    {
        var history = at is { } moment
            ? await store.Events.AggregateStreamAsync<CommitmentHistory>(commitment.Id, timestamp: moment.ToUniversalTime())
            : await store.LoadAsync<CommitmentHistory>(commitment.Id);
        if (history is null)
            return Problems.Of(Rejection.NotFound("commitment-not-yet", $"Commitment {commitment.Number} had not been drafted at {at:O}."));
        return Results.Ok(ActionPlanViews.Commitment(history, ActionPlanRules.Today(at ?? clock.GetUtcNow())));
    }
}
