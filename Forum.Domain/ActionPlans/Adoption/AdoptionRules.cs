using Forum.Domain.Common;
using Forum.Domain.Sessions;

namespace Forum.Domain.ActionPlans.Adoption;

/// <summary>
/// Adoption in session: an agenda item is linked to a commitment or a proposal; a decision on it with a consensus or a
/// carried vote adopts the commitment (for a proposal: the commitment it was adopted into or merged with); the plan is
/// adopted once all its commitments are. Adoption follows the decision: nobody clicks it.
/// </summary>
public static class AdoptionRules
{
    public static bool Adopts(Outcome outcome) => outcome is Outcome.ConsensusReached or Outcome.ConsensusWithReservations or Outcome.VoteCarried;

    /// <summary>
    /// The agenda item as added, with its link when one was asked for. <paramref name="commitment"/> and
    /// <paramref name="proposal"/> are what the ids named (null when unknown).
    /// </summary>
    public static Verdict WithLink(Verdict added, Guid forumId, Guid sessionId, LinkAgendaItem c, CommitmentState? commitment, ProposalState? proposal,
        Actor actor, DateTimeOffset now)
    {
        if (!added.Accepted || (c.CommitmentId is null && c.ProposalId is null)) return added;
        if (c.CommitmentId is not null && c.ProposalId is not null)
            return Rejection.Invalid("proposalId", "link-one-target", "An agenda item is about one commitment or one proposal: send 'commitmentId' or 'proposalId', not both.");
        if (c.CommitmentId is { } commitmentId && (commitment is null || commitment.ForumId != forumId))
            return Rejection.Invalid("commitmentId", "commitment-not-found", $"This forum has no commitment {commitmentId}.");
        if (c.ProposalId is { } proposalId && (proposal is null || proposal.ForumId != forumId))
            return Rejection.Invalid("proposalId", "proposal-not-found", $"This forum has no proposal {proposalId}.");
        var planId = commitment?.ActionPlanId ?? proposal!.ActionPlanId;
        return Verdict.Accept([.. added.Events, new AgendaItemLinked(sessionId, c.ItemId, planId, c.CommitmentId, c.ProposalId, actor.AccountId, now)]);
    }

    /// <summary>The commitment a decision on a proposal's item adopts: the one its latest answer took it into, if any.</summary>
    public static Guid? CommitmentOf(ProposalState proposal) =>
        proposal.Outcome is ProposalOutcome.Adopted or ProposalOutcome.Merged ? proposal.CommitmentId : null;

    /// <summary>Redelivered or repeated decisions change nothing: a commitment is adopted once.</summary>
    public static Verdict Adopt(CommitmentState commitment, Guid sessionId, Guid itemId, Outcome outcome, Guid by, DateTimeOffset at)
    {
        if (!Adopts(outcome) || commitment.Status == CommitmentStatus.Adopted) return Verdict.Accept();
        return Verdict.Accept(new CommitmentAdopted(commitment.Id, commitment.ActionPlanId, sessionId, itemId, outcome, by, at));
    }

    /// <param name="commitments">The plan's commitments as they stand, read after the adoption that asks committed.</param>
    public static Verdict AdoptPlan(ActionPlanState plan, IReadOnlyCollection<CommitmentState> commitments, Guid sessionId, DateTimeOffset at)
    {
        if (plan.Status != ActionPlanStatus.Open || plan.Commitments.Count == 0) return Verdict.Accept();
        var adopted = commitments.Where(c => c.Status == CommitmentStatus.Adopted).Select(c => c.Id).ToHashSet();
        if (!plan.Commitments.All(adopted.Contains)) return Verdict.Accept();
        return Verdict.Accept(new ActionPlanAdopted(plan.Id, plan.Commitments, sessionId, at));
    }
}
