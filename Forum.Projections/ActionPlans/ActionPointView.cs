using Forum.Domain.ActionPlans;
using Forum.Domain.Sessions;
using Marten.Events.Projections;

namespace Forum.Projections.ActionPlans;

/// <summary>An action point of a decision, what it is about and whether it is done: the owner's "my action points".</summary>
public sealed class ActionPointView
{
    public Guid Id { get; set; }
    public ActionPointAssigned Assigned { get; set; } = null!;
    public Guid OwnerMemberId { get; set; }
    public Guid ItemId { get; set; }
    public Guid? CommitmentId { get; set; }
    public Guid? MilestoneId { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletionNote { get; set; }
}

/// <summary>
/// Across streams: the assignment comes from the session's stream, links and completion from the action point's own.
/// Inline is safe here: each document is written by one stream at a time (the session's, under its lock, then only the
/// action point's, whose version guards it).
/// </summary>
public partial class ActionPointViewProjection : MultiStreamProjection<ActionPointView, Guid>
{
    public ActionPointViewProjection()
    {
        Identity<ActionPointAssigned>(e => e.ActionPointId);
        Identity<ActionPointLinked>(e => e.ActionPointId);
        Identity<ActionPointCompleted>(e => e.ActionPointId);
    }

    public ActionPointView Create(ActionPointAssigned e) => new() { Id = e.ActionPointId, Assigned = e, OwnerMemberId = e.OwnerMemberId, ItemId = e.ItemId };

    public void Apply(ActionPointLinked e, ActionPointView view)
    {
        view.CommitmentId = e.CommitmentId;
        view.MilestoneId = e.MilestoneId;
    }

    public void Apply(ActionPointCompleted e, ActionPointView view)
    {
        view.CompletedAt = e.At;
        view.CompletionNote = e.Note;
    }
}

/// <summary>Which commitment or proposal an agenda item is about, found by the item (the adoption reaction's first look-up).</summary>
public sealed class AgendaLink
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public Guid ActionPlanId { get; set; }
    public Guid? CommitmentId { get; set; }
    public Guid? ProposalId { get; set; }
}

public partial class AgendaLinkProjection : MultiStreamProjection<AgendaLink, Guid>
{
    public AgendaLinkProjection() => Identity<AgendaItemLinked>(e => e.ItemId);

    public AgendaLink Create(AgendaItemLinked e) =>
        new() { Id = e.ItemId, SessionId = e.SessionId, ActionPlanId = e.ActionPlanId, CommitmentId = e.CommitmentId, ProposalId = e.ProposalId };
}
