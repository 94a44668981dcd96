using Forum.Domain.ActionPlans;
using Forum.Domain.ActionPlans.Commitments;
using Forum.Host.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.ActionPlans.Commitments;

public static class AmendCommitmentEndpoint
{
    /// <summary>Fields left out stay as they are; the event carries every field, so any version stands alone.</summary>
    [WolverinePut("/api/commitments/{commitmentId}"), Tags("Action plans")]
    public static (IResult, Events) Put(CommitmentRequest r, [WriteAggregate("commitmentId", Required = false)] CommitmentState commitment,
        [NotBody] PlanCaller caller, TimeProvider clock) =>
        CommitmentRules.Amend(caller.Forum, caller.Plan, commitment, new AmendCommitment(r.Input), caller.Actor, clock.GetUtcNow()).Answer(Results.NoContent());
}
