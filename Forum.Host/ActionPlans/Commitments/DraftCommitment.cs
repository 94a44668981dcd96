using Forum.Domain.ActionPlans;
using Forum.Domain.ActionPlans.Commitments;
using Forum.Host.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.ActionPlans.Commitments;

public sealed record CommitmentRequest(string? Title, string? Problem, string? Description, string? Solution, List<OgpValue>? Values, string? LeadInstitution,
    List<SupportingActorInput>? SupportingActors, DateOnly? StartsOn, DateOnly? EndsOn, List<Guid>? ReporterMemberIds)
{
    public CommitmentInput Input => new(Title, Problem, Description, Solution, Values, LeadInstitution, SupportingActors, StartsOn, EndsOn, ReporterMemberIds);
}

public static class DraftCommitmentEndpoint
{
    /// <summary>
    /// The plan's stream, locked, numbers the commitment and records it; the commitment starts its own stream, in the same
    /// transaction. Two drafts at once are numbered one after the other.
    /// </summary>
    [WolverinePost("/api/action-plans/{actionPlanId}/commitments"), Tags("Action plans")]
    public static (IResult, Events, IMartenOp) Post(CommitmentRequest r,
        [WriteAggregate("actionPlanId", Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] ActionPlanState plan, [NotBody] PlanCaller caller, TimeProvider clock)
    {
        var commitmentId = Guid.CreateVersion7();
        var verdict = CommitmentRules.Draft(caller.Forum, plan, new DraftCommitment(commitmentId, r.Input), caller.Actor, clock.GetUtcNow());
        if (verdict.Rejection is { } refused) return (Problems.Of(refused), new Events(), MartenOps.Nothing());
        var drafted = verdict.Events.OfType<CommitmentDrafted>().Single();
        return (Results.Created($"/api/commitments/{commitmentId}", new { commitmentId, number = drafted.Number }),
            new Events(verdict.Events.OfType<CommitmentAddedToPlan>()), MartenOps.StartStream<CommitmentState>(commitmentId, drafted));
    }
}
