using Forum.Domain.Common;
using Forum.Domain.Forums;

namespace Forum.Domain.ActionPlans.CoCreation;

/// <summary>
/// Co-creation (OGP Standard 4): the secretariat opens a plan, anyone signed in proposes until proposals close, and every
/// proposal gets a reasoned response — naming the commitment when it was adopted or merged.
/// </summary>
public static class CoCreationRules
{
    public static Verdict Open(ForumState forum, OpenActionPlan c, Actor? actor, DateTimeOffset now)
    {
        if (ActionPlanRules.Secretariat(forum, actor, "open action plans") is { } denied) return denied;
        if (Input.First(
                Input.Required("title", c.Title, ActionPlanRules.TitleMax),
                ActionPlanRules.Date("startsOn", c.StartsOn),
                ActionPlanRules.Date("endsOn", c.EndsOn),
                ActionPlanRules.Date("proposalsCloseOn", c.ProposalsCloseOn)) is { } bad)
            return bad;
        if (ActionPlanRules.Period(c.StartsOn!.Value, c.EndsOn!.Value) is { } badPeriod) return badPeriod;
        // Co-creation comes before or during the plan, never after it ends. A past closing date is allowed: a forum may
        // record a plan whose co-creation it held before it used Forum.
        if (c.ProposalsCloseOn > c.EndsOn)
            return Rejection.Invalid("proposalsCloseOn", "proposals-close-within-plan", "'proposalsCloseOn' must not be after the plan's 'endsOn'.");
        return Verdict.Accept(new ActionPlanOpened(c.ActionPlanId, forum.Id, c.Title!.Trim(), c.StartsOn.Value, c.EndsOn.Value, c.ProposalsCloseOn!.Value,
            actor!.AccountId, now));
    }

    public static Verdict Close(ForumState forum, ActionPlanState plan, CloseActionPlan c, Actor? actor, DateTimeOffset now)
    {
        if (ActionPlanRules.Secretariat(forum, actor, "close action plans") is { } denied) return denied;
        if (ActionPlanRules.NotClosed(plan) is { } closed) return closed;
        if (Input.MaxLength("note", c.Note, ActionPlanRules.TextMax) is { } bad) return bad;
        return Verdict.Accept(new ActionPlanClosed(plan.Id, c.Note?.Trim() ?? "", actor!.AccountId, now));
    }

    /// <summary>Any signed-in account may propose: a member, or a member of the public who signed in by e-mail link.</summary>
    public static Verdict Submit(ForumState forum, ActionPlanState plan, SubmitProposal c, Actor? actor, DateTimeOffset now)
    {
        if (actor is null) return Rejection.Unauthenticated();
        if (ActionPlanRules.NotClosed(plan) is { } closed) return closed;
        if (!plan.ProposalsOpen(ActionPlanRules.Today(now)))
            return Rejection.Conflict("proposals-closed", $"Proposals for '{plan.Title}' closed on {plan.ProposalsCloseOn:yyyy-MM-dd}.");
        if (Input.First(
                Input.Required("title", c.Title, ActionPlanRules.TitleMax),
                Input.Required("problem", c.Problem, ActionPlanRules.TextMax),
                Input.Required("solution", c.Solution, ActionPlanRules.TextMax),
                Input.MaxLength("publicName", c.PublicName, ActionPlanRules.NameMax)) is { } bad)
            return bad;
        var publicName = string.IsNullOrWhiteSpace(c.PublicName) ? null : c.PublicName.Trim();
        return Verdict.Accept(new ProposalSubmitted(c.ProposalId, plan.Id, plan.ForumId, c.Title!.Trim(), c.Problem!.Trim(), c.Solution!.Trim(), publicName,
            actor.AccountId, forum.MemberByEmail(actor.Email)?.MemberId, now));
    }

    /// <param name="commitment">The commitment named by <c>commitmentId</c>, or null when none is named or it does not exist.</param>
    public static Verdict Answer(ForumState forum, ActionPlanState plan, ProposalState proposal, AnswerProposal c, CommitmentState? commitment, Actor? actor,
        DateTimeOffset now)
    {
        if (ActionPlanRules.Secretariat(forum, actor, "answer proposals") is { } denied) return denied;
        if (ActionPlanRules.NotClosed(plan) is { } closed) return closed;
        if (Input.First(Input.Defined("outcome", c.Outcome), Input.Required("reason", c.Reason, ActionPlanRules.TextMax)) is { } bad) return bad;
        var namesCommitment = c.Outcome is ProposalOutcome.Adopted or ProposalOutcome.Merged;
        if (namesCommitment && c.CommitmentId is null)
            return Rejection.Invalid("commitmentId", "field-required", $"An answer of {c.Outcome} names the commitment: 'commitmentId' is required.");
        if (!namesCommitment && c.CommitmentId is not null)
            return Rejection.Invalid("commitmentId", "commitment-only-when-taken-up", $"An answer of {c.Outcome} names no commitment; leave 'commitmentId' out.");
        if (namesCommitment && (commitment is null || commitment.ActionPlanId != plan.Id))
            return Rejection.Invalid("commitmentId", "commitment-of-this-plan", $"'{plan.Title}' has no commitment {c.CommitmentId}.");
        return Verdict.Accept(new ProposalAnswered(proposal.Id, plan.Id, c.Outcome!.Value, c.Reason!.Trim(), c.CommitmentId, actor!.AccountId, now));
    }
}
