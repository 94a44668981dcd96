using Forum.Domain.ActionPlans;
using Forum.Domain.ActionPlans.Adoption;
using Forum.Domain.Sessions;
using Forum.Projections.ActionPlans;
using Marten;

namespace Forum.Host.Minutes.Drafting;

/// <summary>A commitment the session's decisions adopted, and the item whose decision adopted it.</summary>
public sealed record AdoptedCommitment(Guid ItemId, int Number, string Title);

/// <summary>
/// The commitments a session adopted (issue 10: "the minutes of that session say which commitments were adopted"). Read from the
/// session's own record (its links and decisions, under the same rule the adoption follows), not from CommitmentAdopted alone:
/// the adoption is a reaction to the decision and may still be in flight when a session closes at once. A commitment adopted
/// before, in another session, is not claimed again. Only the text says it: the hash binds the session's events (ADR 0006).
/// </summary>
public static class AdoptedCommitments
{
    public static async Task<List<AdoptedCommitment>> Of(IQuerySession store, Guid sessionId, IReadOnlyList<SessionEvent> events, CancellationToken ct = default)
    {
        var links = events.Select(e => e.Data).OfType<AgendaItemLinked>().GroupBy(l => l.ItemId).ToDictionary(g => g.Key, g => g.Last());
        if (links.Count == 0) return [];
        var decided = events.Select(e => e.Data).OfType<DecisionRecorded>()
            .Where(d => links.ContainsKey(d.ItemId) && AdoptionRules.Adopts(d.Outcome)).Select(d => d.ItemId).Distinct().ToList();
        var lines = new List<AdoptedCommitment>();
        foreach (var itemId in decided)
        {
            var link = links[itemId];
            var commitmentId = link.CommitmentId
                               ?? (link.ProposalId is { } p && await store.LoadAsync<ProposalState>(p, ct) is { } proposal ? AdoptionRules.CommitmentOf(proposal) : null);
            if (commitmentId is not { } id || await store.LoadAsync<CommitmentHistory>(id, ct) is not { } c) continue;
            if (c.Adoption is { } adoption && adoption.SessionId != sessionId) continue;
            if (lines.Any(l => l.Number == c.Row.Number)) continue;
            lines.Add(new AdoptedCommitment(itemId, c.Row.Number, c.Row.Title));
        }
        return lines.OrderBy(l => l.Number).ToList();
    }
}
