using Forum.Domain.ActionPlans;

namespace Forum.Projections.ActionPlans;

public sealed record TrackedLevel(Completion Level, DateTimeOffset At, string By);
public sealed record TrackedMilestone(Guid MilestoneId, string Title, string Output, DateOnly StartsOn, DateOnly EndsOn,
    TrackedLevel? Government, TrackedLevel? CivilSociety, int? Gap, bool Overdue);
public sealed record TrackedCommitment(Guid CommitmentId, int Number, string Title, string LeadInstitution, CommitmentStatus Status, DateOnly StartsOn, DateOnly EndsOn,
    IReadOnlyList<OgpValue> Values, TrackedLevel? Government, TrackedLevel? CivilSociety, int? Gap, int Reports, int Assessments,
    IReadOnlyList<TrackedMilestone> Milestones, int OverdueMilestones);
public sealed record OverdueMilestone(Guid CommitmentId, int Number, Guid MilestoneId, string Title, DateOnly EndsOn, int DaysOverdue, Completion? Government);
public sealed record ProposalTally(int Received, int Answered, IReadOnlyDictionary<ProposalOutcome, int> ByOutcome);

/// <summary>
/// DESIGN's ActionPlanTracker: per commitment its status, the government's latest level, civil society's latest level and
/// the assessment gap between them; milestones due and overdue; proposals and their responses. Folded at read time from
/// the plan's state and each commitment's row (ADR 0017): what is overdue depends on today, which a stored projection
/// must never read.
/// </summary>
public sealed record ActionPlanTracker(Guid ActionPlanId, Guid ForumId, string Title, DateOnly StartsOn, DateOnly EndsOn, DateOnly ProposalsCloseOn,
    bool ProposalsOpen, ActionPlanStatus Status, DateTimeOffset? AdoptedAt, IReadOnlyList<TrackedCommitment> Commitments, IReadOnlyList<OverdueMilestone> Overdue,
    ProposalTally Proposals)
{
    public static ActionPlanTracker From(ActionPlanState plan, IEnumerable<CommitmentRow> rows, IEnumerable<ProposalOutcome?> proposals, DateOnly today)
    {
        var commitments = rows.OrderBy(r => r.Number).Select(r =>
        {
            var milestones = r.Milestones.OrderBy(m => m.EndsOn).Select(m => new TrackedMilestone(m.MilestoneId, m.Title, m.Output, m.StartsOn, m.EndsOn,
                Level(m.Government), Level(m.CivilSociety), CompletionScale.Gap(m.Government?.Level, m.CivilSociety?.Level),
                m.EndsOn < today && m.Government?.Level != Completion.Complete)).ToList();
            return new TrackedCommitment(r.Id, r.Number, r.Title, r.LeadInstitution, r.Status, r.StartsOn, r.EndsOn, r.Values, Level(r.Government),
                Level(r.CivilSociety), CompletionScale.Gap(r.Government?.Level, r.CivilSociety?.Level), r.Reports, r.Assessments, milestones,
                milestones.Count(m => m.Overdue));
        }).ToList();
        var overdue = commitments.SelectMany(c => c.Milestones.Where(m => m.Overdue)
                .Select(m => new OverdueMilestone(c.CommitmentId, c.Number, m.MilestoneId, m.Title, m.EndsOn, today.DayNumber - m.EndsOn.DayNumber, m.Government?.Level)))
            .OrderBy(m => m.EndsOn).ToList();
        var outcomes = proposals.ToList();
        var tally = new ProposalTally(outcomes.Count, outcomes.Count(o => o is not null),
            Enum.GetValues<ProposalOutcome>().ToDictionary(o => o, o => outcomes.Count(x => x == o)));
        return new ActionPlanTracker(plan.Id, plan.ForumId, plan.Title, plan.StartsOn, plan.EndsOn, plan.ProposalsCloseOn, plan.ProposalsOpen(today),
            plan.Status, plan.AdoptedAt, commitments, overdue, tally);
    }

    private static TrackedLevel? Level(LevelAt? l) => l is null ? null : new TrackedLevel(l.Level, l.At, l.By);
}
