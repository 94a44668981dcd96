using Forum.Domain.ActionPlans;
using Forum.Domain.ActionPlans.Commitments;
using Forum.Host.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.ActionPlans.Commitments;

public sealed record MilestoneRequest(string? Title, string? Output, DateOnly? StartsOn, DateOnly? EndsOn)
{
    public MilestoneInput Input => new(Title, Output, StartsOn, EndsOn);
}

public static class AddMilestoneEndpoint
{
    [WolverinePost("/api/commitments/{commitmentId}/milestones"), Tags("Action plans")]
    public static (IResult, Events) Post(MilestoneRequest r, [WriteAggregate("commitmentId", Required = false)] CommitmentState commitment,
        [NotBody] PlanCaller caller, TimeProvider clock)
    {
        var milestoneId = Guid.CreateVersion7();
        return CommitmentRules.AddMilestone(caller.Forum, caller.Plan, commitment, new AddMilestone(milestoneId, r.Input), caller.Actor, clock.GetUtcNow())
            .Answer(Results.Created($"/api/commitments/{commitment.Id}", new { milestoneId }));
    }
}

public static class AmendMilestoneEndpoint
{
    [WolverinePut("/api/commitments/{commitmentId}/milestones/{milestoneId}"), Tags("Action plans")]
    public static (IResult, Events) Put(Guid milestoneId, MilestoneRequest r, [WriteAggregate("commitmentId", Required = false)] CommitmentState commitment,
        [NotBody] PlanCaller caller, TimeProvider clock) =>
        CommitmentRules.AmendMilestone(caller.Forum, caller.Plan, commitment, new AmendMilestone(milestoneId, r.Input), caller.Actor, clock.GetUtcNow())
            .Answer(Results.NoContent());
}
