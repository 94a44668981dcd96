using Forum.Domain.Common;
using Forum.Domain.Forums;

namespace Forum.Domain.ActionPlans.Commitments;

/// <summary>
/// Drafting commitments on OGP's template (the secretariat): every field checked, dates within the plan's period, milestones
/// within their commitment's, and reporters who work for the lead institution. Every change is an event with every field.
/// </summary>
public static class CommitmentRules
{
    /// <summary>Two events for two streams: the plan records the commitment and its number, the commitment starts its own stream.</summary>
    public static Verdict Draft(ForumState forum, ActionPlanState plan, DraftCommitment c, Actor? actor, DateTimeOffset now)
    {
        if (ActionPlanRules.Secretariat(forum, actor, "draft commitments") is { } denied) return denied;
        if (ActionPlanRules.NotClosed(plan) is { } closed) return closed;
        var (terms, bad) = Terms(forum, plan, c.Input, null);
        if (bad is not null) return bad;
        var number = plan.Commitments.Count + 1;
        return Verdict.Accept(
            new CommitmentAddedToPlan(plan.Id, c.CommitmentId, number, actor!.AccountId, now),
            new CommitmentDrafted(c.CommitmentId, plan.Id, plan.ForumId, number, terms!, actor.AccountId, now));
    }

    public static Verdict Amend(ForumState forum, ActionPlanState plan, CommitmentState commitment, AmendCommitment c, Actor? actor, DateTimeOffset now)
    {
        if (ActionPlanRules.Secretariat(forum, actor, "amend commitments") is { } denied) return denied;
        if (ActionPlanRules.NotClosed(plan) is { } closed) return closed;
        var (terms, bad) = Terms(forum, plan, c.Input, commitment.Terms);
        if (bad is not null) return bad;
        if (commitment.Milestones.FirstOrDefault(m => m.StartsOn < terms!.StartsOn || m.EndsOn > terms.EndsOn) is { } outside)
            return Rejection.Invalid(outside.StartsOn < terms!.StartsOn ? "startsOn" : "endsOn", "period-covers-milestones",
                $"The milestone '{outside.Title}' runs {outside.StartsOn:yyyy-MM-dd} to {outside.EndsOn:yyyy-MM-dd}; the commitment's period must cover it.");
        if (Same(terms!, commitment.Terms)) return Verdict.Accept();
        return Verdict.Accept(new CommitmentAmended(commitment.Id, plan.Id, terms!, actor!.AccountId, now));
    }

    public static Verdict AddMilestone(ForumState forum, ActionPlanState plan, CommitmentState commitment, AddMilestone c, Actor? actor, DateTimeOffset now)
    {
        if (ActionPlanRules.Secretariat(forum, actor, "add milestones") is { } denied) return denied;
        if (ActionPlanRules.NotClosed(plan) is { } closed) return closed;
        if (commitment.Milestones.Count >= ActionPlanRules.ListMax)
            return Rejection.Conflict("milestones-limit", $"A commitment holds at most {ActionPlanRules.ListMax} milestones.");
        var (m, bad) = Milestone(commitment, c.Input, null);
        if (bad is not null) return bad;
        return Verdict.Accept(new MilestoneAdded(commitment.Id, c.MilestoneId, m!.Title, m.Output, m.StartsOn, m.EndsOn, actor!.AccountId, now));
    }

    public static Verdict AmendMilestone(ForumState forum, ActionPlanState plan, CommitmentState commitment, AmendMilestone c, Actor? actor, DateTimeOffset now)
    {
        if (ActionPlanRules.Secretariat(forum, actor, "amend milestones") is { } denied) return denied;
        if (ActionPlanRules.NotClosed(plan) is { } closed) return closed;
        if (commitment.Milestone(c.MilestoneId) is not { } current)
            return Rejection.NotFound("milestone-not-found", $"Commitment {commitment.Number} has no milestone {c.MilestoneId}.");
        var (m, bad) = Milestone(commitment, c.Input, current);
        if (bad is not null) return bad;
        if (m == current) return Verdict.Accept();
        return Verdict.Accept(new MilestoneAmended(commitment.Id, c.MilestoneId, m!.Title, m.Output, m.StartsOn, m.EndsOn, actor!.AccountId, now));
    }

    /// <summary>The template's fields checked, each left-out field taken from <paramref name="current"/> when amending.</summary>
    private static (CommitmentTerms?, Rejection?) Terms(ForumState forum, ActionPlanState plan, CommitmentInput i, CommitmentTerms? current)
    {
        string? Text(string? given, string? was) => given ?? was;
        var title = Text(i.Title, current?.Title);
        var problem = Text(i.Problem, current?.Problem);
        var description = Text(i.Description, current?.Description);
        var solution = Text(i.Solution, current?.Solution);
        var lead = Text(i.LeadInstitution, current?.LeadInstitution);
        var starts = i.StartsOn ?? current?.StartsOn;
        var ends = i.EndsOn ?? current?.EndsOn;
        if (Input.First(
                Input.Required("title", title, ActionPlanRules.TitleMax),
                Input.Required("problem", problem, ActionPlanRules.TextMax),
                Input.Required("description", description, ActionPlanRules.TextMax),
                Input.Required("solution", solution, ActionPlanRules.TextMax),
                Input.Required("leadInstitution", lead, ActionPlanRules.TitleMax),
                ActionPlanRules.Date("startsOn", starts),
                ActionPlanRules.Date("endsOn", ends),
                ActionPlanRules.Count("supportingActors", i.SupportingActors, ActionPlanRules.ListMax),
                ActionPlanRules.Count("reporterMemberIds", i.ReporterMemberIds, ActionPlanRules.ListMax)) is { } bad)
            return (null, bad);
        if (ActionPlanRules.Period(starts!.Value, ends!.Value) is { } badPeriod) return (null, badPeriod);
        if (starts < plan.StartsOn || ends > plan.EndsOn)
            return (null, Rejection.Invalid(starts < plan.StartsOn ? "startsOn" : "endsOn", "within-plan-period",
                $"'{plan.Title}' runs {plan.StartsOn:yyyy-MM-dd} to {plan.EndsOn:yyyy-MM-dd}; a commitment's dates fall within it."));

        // Unknown value names never get this far: the JSON reader refuses them (field-unreadable).
        var values = i.Values ?? current?.Values ?? [];

        var actors = current?.SupportingActors.ToList() ?? [];
        if (i.SupportingActors is { } given)
        {
            actors = [];
            foreach (var (a, n) in given.Select((a, n) => (a, n)))
            {
                if (Input.First(Input.Required($"supportingActors[{n}].name", a?.Name, ActionPlanRules.TitleMax),
                        Input.Defined($"supportingActors[{n}].group", a?.Group)) is { } badActor)
                    return (null, badActor);
                actors.Add(new SupportingActor(a!.Name!.Trim(), a.Group!.Value));
            }
        }

        var leadName = lead!.Trim();
        var reporters = new List<Reporter>();
        var ids = i.ReporterMemberIds ?? current?.Reporters.Select(r => r.MemberId).ToList() ?? [];
        foreach (var (id, n) in ids.Select((id, n) => (id, n)))
        {
            if (!forum.Members.TryGetValue(id, out var member))
                return (null, Rejection.Invalid($"reporterMemberIds[{n}]", "reporter-is-a-member", $"'{forum.Name}' has no member {id}."));
            // DESIGN: progress comes from the commitment's reporters, members of the lead institution.
            if (!string.Equals(member.Organisation.Trim(), leadName, StringComparison.OrdinalIgnoreCase))
                return (null, Rejection.Invalid($"reporterMemberIds[{n}]", "reporter-from-lead-institution",
                    $"{member.Name} works for '{member.Organisation}'; reporters are members of the lead institution, '{leadName}'."));
            if (reporters.All(r => r.MemberId != id)) reporters.Add(new Reporter(member.MemberId, member.Name));
        }
        return (new CommitmentTerms(title!.Trim(), problem!.Trim(), description!.Trim(), solution!.Trim(), values.Distinct().ToList(), leadName, actors,
            starts.Value, ends.Value, reporters), null);
    }

    private static (MilestoneState?, Rejection?) Milestone(CommitmentState commitment, MilestoneInput i, MilestoneState? current)
    {
        var title = i.Title ?? current?.Title;
        var output = i.Output ?? current?.Output;
        var starts = i.StartsOn ?? current?.StartsOn;
        var ends = i.EndsOn ?? current?.EndsOn;
        if (Input.First(
                Input.Required("title", title, ActionPlanRules.TitleMax),
                Input.Required("output", output, ActionPlanRules.TextMax),
                ActionPlanRules.Date("startsOn", starts),
                ActionPlanRules.Date("endsOn", ends)) is { } bad)
            return (null, bad);
        if (ActionPlanRules.Period(starts!.Value, ends!.Value) is { } badPeriod) return (null, badPeriod);
        var t = commitment.Terms;
        if (starts < t.StartsOn || ends > t.EndsOn)
            return (null, Rejection.Invalid(starts < t.StartsOn ? "startsOn" : "endsOn", "milestone-within-commitment",
                $"Commitment {commitment.Number} runs {t.StartsOn:yyyy-MM-dd} to {t.EndsOn:yyyy-MM-dd}; its milestones fall within it."));
        return (new MilestoneState(current?.MilestoneId ?? Guid.Empty, title!.Trim(), output!.Trim(), starts.Value, ends.Value), null);
    }

    private static bool Same(CommitmentTerms a, CommitmentTerms b) =>
        a with { Values = [], SupportingActors = [], Reporters = [] } == b with { Values = [], SupportingActors = [], Reporters = [] }
        && a.Values.SequenceEqual(b.Values) && a.SupportingActors.SequenceEqual(b.SupportingActors) && a.Reporters.SequenceEqual(b.Reporters);
}
