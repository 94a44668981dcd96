using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Domain.Sessions;

namespace Forum.Domain.ActionPlans.Monitoring;

/// <summary>
/// Monitoring (OGP MR 5.1): the commitment's reporters report progress on the IRM's completion scale; CivilSociety and
/// Other voting members record their own, independent assessment; evidence is a link or a file uploaded to the commitment.
/// </summary>
public static class MonitoringRules
{
    public static Verdict Report(ForumState forum, ActionPlanState plan, CommitmentState commitment, ReportProgress c,
        IReadOnlyDictionary<Guid, UploadedEvidence> uploads, Actor? actor, DateTimeOffset now)
    {
        if (actor is null) return Rejection.Unauthenticated();
        var member = forum.MemberByEmail(actor.Email);
        if (member is null || !commitment.IsReporter(member.MemberId))
            return Rejection.Forbidden("reporters-only", $"Only commitment {commitment.Number}'s reporters ({Names(commitment)}) report its progress.");
        if (Open(plan, commitment) is { } shut) return shut;
        var (evidence, bad) = Checked(commitment, c.MilestoneId, c.Completion, c.Note, c.Evidence, uploads);
        if (bad is not null) return bad;
        return Verdict.Accept(new ProgressReported(commitment.Id, plan.Id, c.ReportId, c.MilestoneId, c.Completion!.Value, c.Note!.Trim(), evidence!,
            member.MemberId, member.Name, actor.AccountId, now));
    }

    public static Verdict Assess(ForumState forum, ActionPlanState plan, CommitmentState commitment, RecordAssessment c,
        IReadOnlyDictionary<Guid, UploadedEvidence> uploads, Actor? actor, DateTimeOffset now)
    {
        if (MayAssess(forum, commitment, actor) is { } denied) return denied;
        if (Open(plan, commitment) is { } shut) return shut;
        var member = forum.MemberByEmail(actor!.Email)!;
        var (evidence, bad) = Checked(commitment, c.MilestoneId, c.Completion, c.Note, c.Evidence, uploads);
        if (bad is not null) return bad;
        return Verdict.Accept(new AssessmentRecorded(commitment.Id, plan.Id, c.AssessmentId, c.MilestoneId, c.Completion!.Value, c.Note!.Trim(), evidence!,
            member.MemberId, member.Name, member.Organisation, member.Group, actor.AccountId, now));
    }

    /// <summary>Files come from those who cite them: the commitment's reporters and those who may assess it.</summary>
    public static Rejection? MayUpload(ForumState forum, ActionPlanState plan, CommitmentState commitment, Actor? actor)
    {
        if (actor is null) return Rejection.Unauthenticated();
        var member = forum.MemberByEmail(actor.Email);
        if (!(member is not null && commitment.IsReporter(member.MemberId)) && MayAssess(forum, commitment, actor) is not null)
            return Rejection.Forbidden("reporters-or-assessors-only", $"Evidence for commitment {commitment.Number} is uploaded by its reporters or by CivilSociety and Other voting members.");
        return ActionPlanRules.NotClosed(plan);
    }

    private static Rejection? MayAssess(ForumState forum, CommitmentState commitment, Actor? actor)
    {
        if (actor is null) return Rejection.Unauthenticated();
        var member = forum.MemberByEmail(actor.Email);
        if (member is null || member.Group == StakeholderGroup.Government || !member.Votes)
            return Rejection.Forbidden("civil-society-or-other-voting-members-only",
                "Assessments are the independent view of CivilSociety and Other voting members of the forum.");
        // An assessment is independent of the report: a reporter does not assess their own commitment.
        if (commitment.IsReporter(member.MemberId))
            return Rejection.Forbidden("assessor-independent", $"{member.Name} reports on commitment {commitment.Number}, so does not assess it.");
        return null;
    }

    private static Rejection? Open(ActionPlanState plan, CommitmentState commitment) =>
        ActionPlanRules.NotClosed(plan)
        ?? (commitment.Status != CommitmentStatus.Adopted
            ? Rejection.Conflict("commitment-not-adopted", $"Commitment {commitment.Number} is a draft; its implementation is monitored once a session adopts it.")
            : null);

    private static (IReadOnlyList<Evidence>?, Rejection?) Checked(CommitmentState commitment, Guid? milestoneId, Completion? completion, string? note,
        IReadOnlyList<EvidenceInput>? given, IReadOnlyDictionary<Guid, UploadedEvidence> uploads)
    {
        if (Input.First(Input.Defined("completion", completion), Input.Required("note", note, ActionPlanRules.TextMax),
                ActionPlanRules.Count("evidence", given, ActionPlanRules.EvidenceMax)) is { } bad)
            return (null, bad);
        if (milestoneId is { } m && commitment.Milestone(m) is null)
            return (null, Rejection.Invalid("milestoneId", "milestone-of-this-commitment", $"Commitment {commitment.Number} has no milestone {m}."));
        var evidence = new List<Evidence>();
        foreach (var (e, n) in (given ?? []).Select((e, n) => (e, n)))
        {
            var field = $"evidence[{n}]";
            if (Input.Required($"{field}.title", e?.Title, ActionPlanRules.TitleMax) is { } noTitle) return (null, noTitle);
            if ((e!.Url is null) == (e.EvidenceId is null))
                return (null, Rejection.Invalid(field, "evidence-link-or-file", "Each piece of evidence is either a 'url' or the 'evidenceId' of an uploaded file."));
            if (e.Url is not null)
            {
                if (ActionPlanRules.Url($"{field}.url", e.Url) is { } badUrl) return (null, badUrl);
                evidence.Add(new Evidence(e.Title!.Trim(), e.Url.Trim(), null, null, null, null, null));
                continue;
            }
            if (!uploads.TryGetValue(e.EvidenceId!.Value, out var file) || file.CommitmentId != commitment.Id)
                return (null, Rejection.Invalid($"{field}.evidenceId", "evidence-file-unknown", $"No file {e.EvidenceId} was uploaded to commitment {commitment.Number}."));
            evidence.Add(new Evidence(e.Title!.Trim(), null, file.EvidenceId, file.FileName, file.ContentType, file.Size, file.Sha256));
        }
        return (evidence, null);
    }

    private static string Names(CommitmentState c) => c.Terms.Reporters.Count == 0 ? "none named yet" : string.Join(", ", c.Terms.Reporters.Select(r => r.Name));
}
