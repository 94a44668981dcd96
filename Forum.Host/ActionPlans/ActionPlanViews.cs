using Forum.Domain.ActionPlans;
using Forum.Projections.ActionPlans;

namespace Forum.Host.ActionPlans;

/// <summary>What the public API shows: never an account or an e-mail address.</summary>
public static class ActionPlanViews
{
    public static object Proposal(ProposalView p) => new
    {
        proposalId = p.Id, p.ActionPlanId, p.Title, p.Problem, p.Solution, p.PublicName, p.FromMember, p.SubmittedAt,
        response = p.Response is { } r ? Response(r) : null,
        responses = p.Responses.Select(Response),
    };

    private static object Response(ProposalResponse r) => new
    {
        outcome = r.Outcome, r.Reason, r.CommitmentId, commitment = r.CommitmentId is { } id ? $"/api/commitments/{id}" : null, r.At,
    };

    public static object Evidence(Evidence e) => new
    {
        e.Title, url = e.Url ?? $"/api/evidence/{e.EvidenceId}", e.EvidenceId, e.FileName, e.ContentType, e.Size, e.Sha256,
    };

    /// <summary>A commitment as it stood at <paramref name="asOf"/>, with what was overdue on that day.</summary>
    public static object Commitment(CommitmentHistory h, DateOnly asOf)
    {
        var t = h.Terms;
        var row = h.Row;
        return new
        {
            commitmentId = h.Id, h.ActionPlanId, h.ForumId, h.Version, row.Number, t.Title, t.Problem, t.Description, t.Solution, t.Values, t.LeadInstitution,
            t.SupportingActors, t.StartsOn, t.EndsOn, reporters = t.Reporters, status = row.Status, h.DraftedAt, h.AmendedAt, adoption = h.Adoption,
            government = row.Government, civilSociety = row.CivilSociety, gap = CompletionScale.Gap(row.Government?.Level, row.CivilSociety?.Level),
            milestones = row.Milestones.Select(m => new
            {
                m.MilestoneId, m.Title, m.Output, m.StartsOn, m.EndsOn, government = m.Government, civilSociety = m.CivilSociety,
                gap = CompletionScale.Gap(m.Government?.Level, m.CivilSociety?.Level), overdue = m.EndsOn < asOf && m.Government?.Level != Completion.Complete,
            }),
            reports = h.Reports.Select(r => new
            {
                r.ReportId, r.MilestoneId, r.Completion, r.Note, evidence = r.Evidence.Select(Evidence), reporter = new { r.MemberId, name = r.MemberName }, r.At,
            }),
            assessments = h.Assessments.Select(a => new
            {
                a.AssessmentId, a.MilestoneId, a.Completion, a.Note, evidence = a.Evidence.Select(Evidence),
                assessor = new { a.MemberId, name = a.MemberName, a.Organisation, a.Group }, a.At,
            }),
            history = h.History,
        };
    }
}
