using Forum.Domain.ActionPlans;
using Marten;

namespace Forum.Host.ActionPlans.Adoption;

/// <summary>What an agenda item being added says it is about: the commitment or proposal its ids name (null when unknown).</summary>
public sealed record AgendaLinkTarget(CommitmentState? Commitment, ProposalState? Proposal)
{
    public static async Task<AgendaLinkTarget> Find(IQuerySession store, Guid? commitmentId, Guid? proposalId) => new(
        commitmentId is { } c ? await store.LoadAsync<CommitmentState>(c) : null,
        proposalId is { } p ? await store.LoadAsync<ProposalState>(p) : null);
}
