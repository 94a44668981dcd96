using Forum.Domain.ActionPlans;
using Forum.Domain.ActionPlans.CoCreation;
using Forum.Host.Infrastructure;
using Marten;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.ActionPlans.CoCreation;

public sealed record ProposalResponseRequest(ProposalOutcome? Outcome, string? Reason, Guid? CommitmentId);

public static class AnswerProposalEndpoint
{
    /// <summary>The commitment the answer names, when it names one (null when it does not exist).</summary>
    public static Task<NamedCommitment> LoadAsync(ProposalResponseRequest r, IQuerySession store) => NamedCommitment.Find(store, r.CommitmentId);

    [WolverinePost("/api/proposals/{proposalId}/response"), Tags("Action plans")]
    public static (IResult, Events) Post(ProposalResponseRequest r, [WriteAggregate("proposalId", Required = false)] ProposalState proposal,
        [NotBody] PlanCaller caller, NamedCommitment named, TimeProvider clock) =>
        CoCreationRules.Answer(caller.Forum, caller.Plan, proposal, new AnswerProposal(r.Outcome, r.Reason, r.CommitmentId), named.Commitment, caller.Actor, clock.GetUtcNow())
            .Answer(Results.NoContent());
}
