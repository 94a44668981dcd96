using Forum.Domain.ActionPlans;
using Forum.Domain.ActionPlans.Adoption;
using Forum.Domain.ActionPlans.Monitoring;
using Forum.Domain.Sessions;
using Forum.Projections.ActionPlans;
using Marten;
using Wolverine;
using Wolverine.Marten;

namespace Forum.Host.ActionPlans.Adoption;

/// <summary>
/// Sent by the decision endpoint through the outbox, so only once its DecisionRecorded committed (ADR 0017): the durable
/// reaction that adopts a linked commitment. By and At are the decision's, so what follows carries its time, not the clock's.
/// </summary>
public sealed record DecisionTaken(Guid SessionId, Guid ItemId, Outcome Outcome, Guid By, DateTimeOffset At)
{
    public static DecisionTaken? From(IReadOnlyList<object> events) =>
        events.OfType<DecisionRecorded>().FirstOrDefault() is { } d ? new DecisionTaken(d.SessionId, d.ItemId, d.Outcome, d.By, d.At) : null;
}

public sealed record AdoptCommitment(Guid CommitmentId, Guid SessionId, Guid ItemId, Outcome Outcome, Guid By, DateTimeOffset At);
public sealed record CheckPlanAdoption(Guid ActionPlanId, Guid SessionId, DateTimeOffset At);
public sealed record LinkDecidedActionPoint(Guid ActionPointId, Guid CommitmentId, Guid By, DateTimeOffset At);

public static class DecisionTakenHandler
{
    /// <summary>An item about a commitment (or a proposal taken into one): adopt it on a consensus or a carried vote; its action points are about it too.</summary>
    public static async Task<OutgoingMessages> Handle(DecisionTaken m, IQuerySession store, ILogger<DecisionTaken> log)
    {
        var outgoing = new OutgoingMessages();
        if (await store.LoadAsync<AgendaLink>(m.ItemId) is not { } link) return outgoing;
        var commitmentId = link.CommitmentId
                           ?? (link.ProposalId is { } p && await store.LoadAsync<ProposalState>(p) is { } proposal ? AdoptionRules.CommitmentOf(proposal) : null);
        if (commitmentId is not { } id)
        {
            log.LogInformation("Decision on item {ItemId}: its proposal {ProposalId} has not been taken into a commitment, so nothing is adopted", m.ItemId, link.ProposalId);
            return outgoing;
        }
        if (AdoptionRules.Adopts(m.Outcome)) outgoing.Add(new AdoptCommitment(id, m.SessionId, m.ItemId, m.Outcome, m.By, m.At));
        foreach (var point in await store.Query<ActionPointView>().Where(a => a.ItemId == m.ItemId).Select(a => a.Id).ToListAsync())
            outgoing.Add(new LinkDecidedActionPoint(point, id, m.By, m.At));
        return outgoing;
    }
}

public static class AdoptCommitmentHandler
{
    public static (Events, OutgoingMessages) Handle(AdoptCommitment m, [WriteAggregate(nameof(AdoptCommitment.CommitmentId), Required = false)] CommitmentState? commitment)
    {
        var outgoing = new OutgoingMessages();
        if (commitment is null) return (new Events(), outgoing);
        var verdict = AdoptionRules.Adopt(commitment, m.SessionId, m.ItemId, m.Outcome, m.By, m.At);
        if (verdict.Events.Count > 0) outgoing.Add(new CheckPlanAdoption(commitment.ActionPlanId, m.SessionId, m.At));
        return (new Events(verdict.Events), outgoing);
    }
}

public static class CheckPlanAdoptionHandler
{
    /// <summary>Read after the adoption that asks committed: the check that follows the last adoption sees them all.</summary>
    public static async Task<IReadOnlyList<CommitmentState>> LoadAsync(CheckPlanAdoption m, IQuerySession store) =>
        await store.Query<CommitmentState>().Where(c => c.ActionPlanId == m.ActionPlanId).ToListAsync();

    public static Events Handle(CheckPlanAdoption m,
        [WriteAggregate(nameof(CheckPlanAdoption.ActionPlanId), Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] ActionPlanState? plan,
        IReadOnlyList<CommitmentState> commitments) =>
        plan is null ? new Events() : new Events(AdoptionRules.AdoptPlan(plan, [.. commitments], m.SessionId, m.At).Events);
}

public static class LinkDecidedActionPointHandler
{
    public static Events Handle(LinkDecidedActionPoint m, [WriteAggregate(nameof(LinkDecidedActionPoint.ActionPointId), Required = false)] ActionPointState? state) =>
        new(ActionPointRules.LinkFromDecision(m.ActionPointId, state, m.CommitmentId, m.By, m.At).Events);
}
