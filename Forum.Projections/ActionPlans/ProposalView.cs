using Forum.Domain.ActionPlans;

namespace Forum.Projections.ActionPlans;

public sealed record ProposalResponse(ProposalOutcome Outcome, string Reason, Guid? CommitmentId, DateTimeOffset At);

/// <summary>
/// A proposal and its reasoned responses (Standard 4), per proposal stream. SubmittedBy (an account) is kept for the
/// submitter's own digest and never shown; no e-mail address is ever in it.
/// </summary>
public sealed class ProposalView
{
    public Guid Id { get; set; }
    public Guid ActionPlanId { get; set; }
    public Guid ForumId { get; set; }
    public string Title { get; set; } = "";
    public string Problem { get; set; } = "";
    public string Solution { get; set; } = "";
    public string? PublicName { get; set; }
    public bool FromMember { get; set; }
    public Guid SubmittedBy { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    /// <summary>The latest answer; earlier ones are in <see cref="Responses"/>.</summary>
    public ProposalResponse? Response { get; set; }
    public List<ProposalResponse> Responses { get; set; } = [];
    public long Version { get; set; }

    public static ProposalView Create(ProposalSubmitted e) => new()
    {
        Id = e.ProposalId, ActionPlanId = e.ActionPlanId, ForumId = e.ForumId, Title = e.Title, Problem = e.Problem, Solution = e.Solution,
        PublicName = e.PublicName, FromMember = e.MemberId is not null, SubmittedBy = e.SubmittedBy, SubmittedAt = e.At,
    };

    public void Apply(ProposalAnswered e)
    {
        Response = new ProposalResponse(e.Outcome, e.Reason, e.CommitmentId, e.At);
        Responses.Add(Response);
    }
}
