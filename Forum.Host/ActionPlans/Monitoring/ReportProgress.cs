using Forum.Domain.ActionPlans;
using Forum.Domain.ActionPlans.Monitoring;
using Forum.Host.Infrastructure;
using Marten;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.ActionPlans.Monitoring;

public sealed record ProgressRequest(Guid? MilestoneId, Completion? Completion, string? Note, List<EvidenceInput>? Evidence);

public static class ReportProgressEndpoint
{
    public static Task<IReadOnlyDictionary<Guid, UploadedEvidence>> LoadAsync(ProgressRequest r, IQuerySession store) => EvidenceFile.Cited(store, r.Evidence);

    [WolverinePost("/api/commitments/{commitmentId}/progress"), Tags("Action plans")]
    public static (IResult, Events) Post(ProgressRequest r, [WriteAggregate("commitmentId", Required = false)] CommitmentState commitment, [NotBody] PlanCaller caller,
        IReadOnlyDictionary<Guid, UploadedEvidence> uploads, TimeProvider clock)
    {
        var reportId = Guid.CreateVersion7();
        return MonitoringRules.Report(caller.Forum, caller.Plan, commitment, new ReportProgress(reportId, r.MilestoneId, r.Completion, r.Note, r.Evidence), uploads,
            caller.Actor, clock.GetUtcNow()).Answer(Results.Created($"/api/commitments/{commitment.Id}", new { reportId }));
    }
}

public static class RecordAssessmentEndpoint
{
    public static Task<IReadOnlyDictionary<Guid, UploadedEvidence>> LoadAsync(ProgressRequest r, IQuerySession store) => EvidenceFile.Cited(store, r.Evidence);

    /// <summary>Civil society's own view of the same commitment, beside the government's: the tracker shows the gap.</summary>
    [WolverinePost("/api/commitments/{commitmentId}/assessments"), Tags("Action plans")]
    public static (IResult, Events) Post(ProgressRequest r, [WriteAggregate("commitmentId", Required = false)] CommitmentState commitment, [NotBody] PlanCaller caller,
        IReadOnlyDictionary<Guid, UploadedEvidence> uploads, TimeProvider clock)
    {
        var assessmentId = Guid.CreateVersion7();
        return MonitoringRules.Assess(caller.Forum, caller.Plan, commitment, new RecordAssessment(assessmentId, r.MilestoneId, r.Completion, r.Note, r.Evidence), uploads,
            caller.Actor, clock.GetUtcNow()).Answer(Results.Created($"/api/commitments/{commitment.Id}", new { assessmentId }));
    }
}
