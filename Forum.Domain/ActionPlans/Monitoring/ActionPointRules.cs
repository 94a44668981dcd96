using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Domain.Sessions;

namespace Forum.Domain.ActionPlans.Monitoring;

/// <summary>
/// Action points of decisions (ActionPointAssigned, in the session's stream) followed to completion: linked to a commitment
/// or milestone (by the decision on a linked item, or by the secretariat) and marked done by their owner or the secretariat.
/// </summary>
public static class ActionPointRules
{
    public static Verdict Complete(ForumState forum, ActionPointAssigned assigned, ActionPointState? state, CompleteActionPoint c, Actor? actor, DateTimeOffset now)
    {
        if (actor is null) return Rejection.Unauthenticated();
        var self = forum.MemberByEmail(actor.Email);
        if (self?.MemberId != assigned.OwnerMemberId && ForumAccess.RoleOf(forum, actor) != ForumRole.Secretariat)
            return Rejection.Forbidden("owner-or-secretariat-only", $"Only {assigned.OwnerName}, who owns it, or the secretariat marks this action point done.");
        if (state?.Completed == true) return Rejection.Conflict("action-point-completed", $"'{assigned.Description}' is already done.");
        if (Input.MaxLength("note", c.Note, ActionPlanRules.TextMax) is { } bad) return bad;
        return Verdict.Accept(new ActionPointCompleted(assigned.ActionPointId, c.Note?.Trim() ?? "", actor.AccountId, now));
    }

    /// <summary>Who links a forum's action points to its plans (and so sees them all): the secretariat.</summary>
    public static Rejection? MayLink(ForumState forum, Actor? actor) => ActionPlanRules.Secretariat(forum, actor, "link action points");

    /// <param name="commitment">The commitment <c>commitmentId</c> named, or null when it does not exist.</param>
    public static Verdict Link(ForumState forum, ActionPointAssigned assigned, ActionPointState? state, LinkActionPoint c, CommitmentState? commitment,
        Actor? actor, DateTimeOffset now)
    {
        if (MayLink(forum, actor) is { } denied) return denied;
        if (Input.Id("commitmentId", c.CommitmentId) is { } bad) return bad;
        if (commitment is null || commitment.ForumId != forum.Id)
            return Rejection.Invalid("commitmentId", "commitment-not-found", $"'{forum.Name}' has no commitment {c.CommitmentId}.");
        if (c.MilestoneId is { } m && commitment.Milestone(m) is null)
            return Rejection.Invalid("milestoneId", "milestone-of-this-commitment", $"Commitment {commitment.Number} has no milestone {m}.");
        if (state?.CommitmentId == commitment.Id && state.MilestoneId == c.MilestoneId) return Verdict.Accept();
        return Verdict.Accept(new ActionPointLinked(assigned.ActionPointId, commitment.Id, c.MilestoneId, actor!.AccountId, now));
    }

    /// <summary>An action point decided on an item about a commitment is about that commitment, unless the secretariat linked it already.</summary>
    public static Verdict LinkFromDecision(Guid actionPointId, ActionPointState? state, Guid commitmentId, Guid by, DateTimeOffset at) =>
        state?.CommitmentId is not null ? Verdict.Accept() : Verdict.Accept(new ActionPointLinked(actionPointId, commitmentId, null, by, at));
}
