using System.Collections.Immutable;

namespace Forum.Domain.ActionPlans;

/// <summary>The action plan stream folded into what its rules need: its period, when proposals close, its commitments in order.</summary>
public sealed record ActionPlanState(Guid Id, Guid ForumId, string Title, DateOnly StartsOn, DateOnly EndsOn, DateOnly ProposalsCloseOn,
    ActionPlanStatus Status, ImmutableList<Guid> Commitments)
{
    public long Version { get; set; }
    public DateTimeOffset? AdoptedAt { get; init; }

    public static ActionPlanState Create(ActionPlanOpened e) =>
        new(e.ActionPlanId, e.ForumId, e.Title, e.StartsOn, e.EndsOn, e.ProposalsCloseOn, ActionPlanStatus.Open, ImmutableList<Guid>.Empty);

    public ActionPlanState Apply(CommitmentAddedToPlan e) => this with { Commitments = Commitments.Add(e.CommitmentId) };
    public ActionPlanState Apply(ActionPlanAdopted e) => this with { Status = ActionPlanStatus.Adopted, AdoptedAt = e.At };
    public ActionPlanState Apply(ActionPlanClosed _) => this with { Status = ActionPlanStatus.Closed };

    /// <summary>Proposals are taken through the whole of the closing day (UTC).</summary>
    public bool ProposalsOpen(DateOnly today) => Status != ActionPlanStatus.Closed && today <= ProposalsCloseOn;
}

public sealed record MilestoneState(Guid MilestoneId, string Title, string Output, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>The commitment stream folded into what its rules need; reports and assessments live in the read models.</summary>
public sealed record CommitmentState(Guid Id, Guid ActionPlanId, Guid ForumId, int Number, CommitmentTerms Terms, ImmutableList<MilestoneState> Milestones,
    CommitmentStatus Status)
{
    public long Version { get; set; }

    public static CommitmentState Create(CommitmentDrafted e) =>
        new(e.CommitmentId, e.ActionPlanId, e.ForumId, e.Number, e.Terms, ImmutableList<MilestoneState>.Empty, CommitmentStatus.Draft);

    public CommitmentState Apply(CommitmentAmended e) => this with { Terms = e.Terms };
    public CommitmentState Apply(MilestoneAdded e) => this with { Milestones = Milestones.Add(new MilestoneState(e.MilestoneId, e.Title, e.Output, e.StartsOn, e.EndsOn)) };
    public CommitmentState Apply(MilestoneAmended e) => this with
    {
        Milestones = Milestones.Select(m => m.MilestoneId == e.MilestoneId ? new MilestoneState(e.MilestoneId, e.Title, e.Output, e.StartsOn, e.EndsOn) : m).ToImmutableList(),
    };
    public CommitmentState Apply(CommitmentAdopted _) => this with { Status = CommitmentStatus.Adopted };

    public MilestoneState? Milestone(Guid milestoneId) => Milestones.FirstOrDefault(m => m.MilestoneId == milestoneId);
    public bool IsReporter(Guid memberId) => Terms.Reporters.Any(r => r.MemberId == memberId);
}

public sealed record ProposalState(Guid Id, Guid ActionPlanId, Guid ForumId, string Title, Guid SubmittedBy, ProposalOutcome? Outcome, Guid? CommitmentId)
{
    public long Version { get; set; }

    public static ProposalState Create(ProposalSubmitted e) => new(e.ProposalId, e.ActionPlanId, e.ForumId, e.Title, e.SubmittedBy, null, null);
    public ProposalState Apply(ProposalAnswered e) => this with { Outcome = e.Outcome, CommitmentId = e.CommitmentId };
}

/// <summary>
/// What was done with an action point after its decision: its stream (same id as the ActionPointAssigned it follows) starts
/// with the first link or completion.
/// </summary>
public sealed record ActionPointState(Guid Id, Guid? CommitmentId, Guid? MilestoneId, bool Completed)
{
    public long Version { get; set; }

    public static ActionPointState Create(ActionPointLinked e) => new(e.ActionPointId, e.CommitmentId, e.MilestoneId, false);
    public static ActionPointState Create(ActionPointCompleted e) => new(e.ActionPointId, null, null, true);
    public ActionPointState Apply(ActionPointLinked e) => this with { CommitmentId = e.CommitmentId, MilestoneId = e.MilestoneId };
    public ActionPointState Apply(ActionPointCompleted _) => this with { Completed = true };
}

/// <summary>Where the government's and civil society's levels stand apart on the IRM scale.</summary>
public static class CompletionScale
{
    /// <summary>Steps from NotStarted (0) to Complete (3); "no evidence" shows no progress, so it counts as 0.</summary>
    public static int Rank(Completion c) => c switch { Completion.Limited => 1, Completion.Substantial => 2, Completion.Complete => 3, _ => 0 };

    /// <summary>Government minus civil society, in steps: positive when the government sees more progress than civil society does.</summary>
    public static int? Gap(Completion? government, Completion? civilSociety) =>
        government is { } g && civilSociety is { } c ? Rank(g) - Rank(c) : null;
}
