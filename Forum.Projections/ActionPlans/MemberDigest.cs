using Forum.Domain.ActionPlans;
using Forum.Domain.Minutes;
using Forum.Domain.Sessions;
using Forum.Projections.Minutes;
using Forum.Projections.Sessions;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Forum.Projections.ActionPlans;

/// <summary>
/// One thing that happened in a forum worth telling its members: the feed that "what changed while you were away" (and the
/// weekly digest) read by forum and time. Submitter is set on answers, so a member of the public sees the answer to their
/// own proposal.
/// </summary>
public sealed class DigestEntry
{
    public Guid Id { get; set; }
    public Guid ForumId { get; set; }
    public Guid? ActionPlanId { get; set; }
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string Detail { get; set; } = "";
    public string Link { get; set; } = "";
    public Guid? Submitter { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Who acted (a public name, a member, a lead institution) and the level or outcome given: what a page or mail words in its reader's language.</summary>
    public string By { get; set; } = "";
    public string Level { get; set; } = "";
    /// <summary>The commitment's number when the entry is about one (its title is then the commitment's own).</summary>
    public int? Number { get; set; }
}

/// <summary>
/// Inline, one document per event (its id is the event's), so a member's digest is one indexed query over a few forums,
/// never a scan of the event store. Titles are looked up when the event is projected, from documents already committed.
/// </summary>
public partial class DigestFeedProjection : EventProjection
{
    public DigestEntry Create(IEvent<ProposalSubmitted> e) => Entry(e, e.Data.ForumId, e.Data.ActionPlanId, "ProposalSubmitted",
        e.Data.Title, e.Data.PublicName is { } name ? $"Proposed by {name}" : "Proposed anonymously", $"/api/action-plans/{e.Data.ActionPlanId}/proposals").With(by: e.Data.PublicName ?? "");

    public async Task<DigestEntry> Create(IEvent<ProposalAnswered> e, IDocumentOperations ops)
    {
        var p = await ops.LoadAsync<ProposalView>(e.Data.ProposalId);
        var entry = Entry(e, p?.ForumId ?? Guid.Empty, e.Data.ActionPlanId, "ProposalAnswered", p?.Title ?? "", $"{e.Data.Outcome}: {e.Data.Reason}",
            $"/api/action-plans/{e.Data.ActionPlanId}/proposals");
        entry.Submitter = p?.SubmittedBy;
        entry.Level = e.Data.Outcome.ToString();
        return entry;
    }

    public DigestEntry Create(IEvent<CommitmentDrafted> e) => Entry(e, e.Data.ForumId, e.Data.ActionPlanId, "CommitmentDrafted",
        e.Data.Terms.Title, $"Lead institution: {e.Data.Terms.LeadInstitution}", $"/api/commitments/{e.Data.CommitmentId}").With(by: e.Data.Terms.LeadInstitution, number: e.Data.Number);

    public Task<DigestEntry> Create(IEvent<CommitmentAdopted> e, IDocumentOperations ops) =>
        OnCommitment(e, ops, e.Data.CommitmentId, e.Data.ActionPlanId, "CommitmentAdopted", $"Adopted in session ({e.Data.Outcome})", level: e.Data.Outcome.ToString());

    public Task<DigestEntry> Create(IEvent<ProgressReported> e, IDocumentOperations ops) =>
        OnCommitment(e, ops, e.Data.CommitmentId, e.Data.ActionPlanId, "ProgressReported", $"{e.Data.MemberName} reported {e.Data.Completion}: {e.Data.Note}",
            e.Data.MemberName, e.Data.Completion.ToString());

    public Task<DigestEntry> Create(IEvent<AssessmentRecorded> e, IDocumentOperations ops) =>
        OnCommitment(e, ops, e.Data.CommitmentId, e.Data.ActionPlanId, "AssessmentRecorded", $"{e.Data.MemberName} ({e.Data.Organisation}) assessed {e.Data.Completion}: {e.Data.Note}",
            e.Data.Organisation.Length > 0 ? $"{e.Data.MemberName} ({e.Data.Organisation})" : e.Data.MemberName, e.Data.Completion.ToString());

    public async Task<DigestEntry> Create(IEvent<DecisionRecorded> e, IDocumentOperations ops)
    {
        var session = await ops.Query<SessionBoard>().Where(b => b.Id == e.Data.SessionId).Select(b => new { b.ForumId, b.Title }).FirstOrDefaultAsync();
        return Entry(e, session?.ForumId ?? Guid.Empty, null, "DecisionRecorded", session?.Title ?? "", $"{e.Data.Outcome}: {e.Data.Text}",
            $"/api/sessions/{e.Data.SessionId}").With(level: e.Data.Outcome.ToString());
    }

    public async Task<DigestEntry> Create(IEvent<MinutesPublished> e, IDocumentOperations ops)
    {
        var minutes = await ops.Query<MinutesView>().Where(m => m.Id == e.Data.MinutesId).Select(m => new { m.ForumId, m.SessionTitle }).FirstOrDefaultAsync();
        return Entry(e, minutes?.ForumId ?? Guid.Empty, null, "MinutesPublished", minutes?.SessionTitle ?? "", "Signed minutes published",
            $"/api/minutes/{e.Data.MinutesId}.pdf");
    }

    private static async Task<DigestEntry> OnCommitment(IEvent e, IDocumentOperations ops, Guid commitmentId, Guid planId, string kind, string detail,
        string by = "", string level = "")
    {
        var c = await ops.LoadAsync<CommitmentState>(commitmentId);
        return Entry(e, c?.ForumId ?? Guid.Empty, planId, kind, c?.Terms.Title ?? "", detail, $"/api/commitments/{commitmentId}")
            .With(by, level, c?.Number);
    }

    private static DigestEntry Entry(IEvent e, Guid forumId, Guid? planId, string kind, string title, string detail, string link) => new()
    {
        Id = e.Id, ForumId = forumId, ActionPlanId = planId, Kind = kind, Title = title, Detail = detail.Length > 300 ? detail[..300] + "…" : detail,
        Link = link, At = e.Timestamp,
    };
}

internal static class DigestEntryWith
{
    public static DigestEntry With(this DigestEntry entry, string by = "", string level = "", int? number = null)
    {
        entry.By = by;
        entry.Level = level;
        entry.Number = number;
        return entry;
    }
}
