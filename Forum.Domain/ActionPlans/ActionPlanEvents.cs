using Forum.Domain.Forums;
using Forum.Domain.Sessions;

namespace Forum.Domain.ActionPlans;

/// <summary>OGP's values a commitment is relevant to.</summary>
public enum OgpValue { Transparency, CivicParticipation, PublicAccountability }
/// <summary>The IRM's completion scale, in its own words and order.</summary>
public enum Completion { NoEvidence, NotStarted, Limited, Substantial, Complete }
/// <summary>Standard 4: the reasoned response to a proposal.</summary>
public enum ProposalOutcome { Adopted, Merged, NotAdopted, Deferred }
public enum ActionPlanStatus { Open, Adopted, Closed }
public enum CommitmentStatus { Draft, Adopted }

public sealed record SupportingActor(string Name, StakeholderGroup Group);
public sealed record Reporter(Guid MemberId, string Name);

/// <summary>OGP's commitment template: what a commitment says, as drafted or amended (every field, so any version stands alone).</summary>
public sealed record CommitmentTerms(string Title, string Problem, string Description, string Solution, IReadOnlyList<OgpValue> Values,
    string LeadInstitution, IReadOnlyList<SupportingActor> SupportingActors, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<Reporter> Reporters);

/// <summary>A link, or a file uploaded to the commitment (then with its name, type, size and SHA-256 as uploaded).</summary>
public sealed record Evidence(string Title, string? Url, Guid? EvidenceId, string? FileName, string? ContentType, long? Size, string? Sha256);

// Stored events of the action plan, commitment, proposal and action point streams: never renamed or reshaped; add a new one instead.
public sealed record ActionPlanOpened(Guid ActionPlanId, Guid ForumId, string Title, DateOnly StartsOn, DateOnly EndsOn, DateOnly ProposalsCloseOn, Guid By, DateTimeOffset At);
/// <summary>The plan's own record of its commitments and their numbers; the commitment's content is in its own stream.</summary>
public sealed record CommitmentAddedToPlan(Guid ActionPlanId, Guid CommitmentId, int Number, Guid By, DateTimeOffset At);
public sealed record ActionPlanAdopted(Guid ActionPlanId, IReadOnlyList<Guid> CommitmentIds, Guid SessionId, DateTimeOffset At);
public sealed record ActionPlanClosed(Guid ActionPlanId, string Note, Guid By, DateTimeOffset At);

/// <summary>SubmittedBy is the account (a member, or a member of the public); no e-mail address is kept. PublicName only with consent.</summary>
public sealed record ProposalSubmitted(Guid ProposalId, Guid ActionPlanId, Guid ForumId, string Title, string Problem, string Solution, string? PublicName,
    Guid SubmittedBy, Guid? MemberId, DateTimeOffset At);
/// <summary>A later answer supersedes an earlier one (a Deferred proposal may be adopted later); both stay on record.</summary>
public sealed record ProposalAnswered(Guid ProposalId, Guid ActionPlanId, ProposalOutcome Outcome, string Reason, Guid? CommitmentId, Guid By, DateTimeOffset At);

public sealed record CommitmentDrafted(Guid CommitmentId, Guid ActionPlanId, Guid ForumId, int Number, CommitmentTerms Terms, Guid By, DateTimeOffset At);
public sealed record CommitmentAmended(Guid CommitmentId, Guid ActionPlanId, CommitmentTerms Terms, Guid By, DateTimeOffset At);
public sealed record MilestoneAdded(Guid CommitmentId, Guid MilestoneId, string Title, string Output, DateOnly StartsOn, DateOnly EndsOn, Guid By, DateTimeOffset At);
public sealed record MilestoneAmended(Guid CommitmentId, Guid MilestoneId, string Title, string Output, DateOnly StartsOn, DateOnly EndsOn, Guid By, DateTimeOffset At);
/// <summary>Follows a decision on a linked agenda item (consensus or a carried vote); By is the co-chair who recorded it, At its time.</summary>
public sealed record CommitmentAdopted(Guid CommitmentId, Guid ActionPlanId, Guid SessionId, Guid ItemId, Outcome Outcome, Guid By, DateTimeOffset At);
public sealed record ProgressReported(Guid CommitmentId, Guid ActionPlanId, Guid ReportId, Guid? MilestoneId, Completion Completion, string Note,
    IReadOnlyList<Evidence> Evidence, Guid MemberId, string MemberName, Guid By, DateTimeOffset At);
/// <summary>The independent view of a CivilSociety or Other voting member.</summary>
public sealed record AssessmentRecorded(Guid CommitmentId, Guid ActionPlanId, Guid AssessmentId, Guid? MilestoneId, Completion Completion, string Note,
    IReadOnlyList<Evidence> Evidence, Guid MemberId, string MemberName, string Organisation, StakeholderGroup Group, Guid By, DateTimeOffset At);

/// <summary>An action point of a decision (ActionPointAssigned, in the session's stream) about a commitment or one of its milestones.</summary>
public sealed record ActionPointLinked(Guid ActionPointId, Guid CommitmentId, Guid? MilestoneId, Guid By, DateTimeOffset At);
public sealed record ActionPointCompleted(Guid ActionPointId, string Note, Guid By, DateTimeOffset At);
