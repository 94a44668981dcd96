using Forum.Domain.Forums;

namespace Forum.Domain.ActionPlans;

public sealed record OpenActionPlan(Guid ActionPlanId, string? Title, DateOnly? StartsOn, DateOnly? EndsOn, DateOnly? ProposalsCloseOn);
public sealed record CloseActionPlan(string? Note);
public sealed record SubmitProposal(Guid ProposalId, string? Title, string? Problem, string? Solution, string? PublicName);
public sealed record AnswerProposal(ProposalOutcome? Outcome, string? Reason, Guid? CommitmentId);

public sealed record SupportingActorInput(string? Name, StakeholderGroup? Group);
/// <summary>The template's fields as sent; when amending, a field left out stays as it is.</summary>
public sealed record CommitmentInput(string? Title, string? Problem, string? Description, string? Solution, IReadOnlyList<OgpValue>? Values,
    string? LeadInstitution, IReadOnlyList<SupportingActorInput>? SupportingActors, DateOnly? StartsOn, DateOnly? EndsOn, IReadOnlyList<Guid>? ReporterMemberIds);
public sealed record DraftCommitment(Guid CommitmentId, CommitmentInput Input);
public sealed record AmendCommitment(CommitmentInput Input);
public sealed record MilestoneInput(string? Title, string? Output, DateOnly? StartsOn, DateOnly? EndsOn);
public sealed record AddMilestone(Guid MilestoneId, MilestoneInput Input);
public sealed record AmendMilestone(Guid MilestoneId, MilestoneInput Input);

public sealed record EvidenceInput(string? Title, string? Url, Guid? EvidenceId);
/// <summary>A file uploaded to a commitment, as stored: what a report or assessment may cite by its id.</summary>
public sealed record UploadedEvidence(Guid EvidenceId, Guid CommitmentId, string FileName, string ContentType, long Size, string Sha256);
public sealed record ReportProgress(Guid ReportId, Guid? MilestoneId, Completion? Completion, string? Note, IReadOnlyList<EvidenceInput>? Evidence);
public sealed record RecordAssessment(Guid AssessmentId, Guid? MilestoneId, Completion? Completion, string? Note, IReadOnlyList<EvidenceInput>? Evidence);

public sealed record LinkAgendaItem(Guid ItemId, Guid? CommitmentId, Guid? ProposalId);
public sealed record LinkActionPoint(Guid? CommitmentId, Guid? MilestoneId);
public sealed record CompleteActionPoint(string? Note);
