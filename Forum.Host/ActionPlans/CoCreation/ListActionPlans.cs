using Forum.Domain.ActionPlans;
using Forum.Domain.Forums;
using Forum.Host.Infrastructure;
using Marten;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.ActionPlans.CoCreation;

public static class ListActionPlansEndpoint
{
    /// <summary>A forum's action plans, in public: OGP asks for a public record.</summary>
    [WolverineGet("/api/forums/{forumId}/action-plans"), Tags("Action plans")]
    public static async Task<IResult> Get(Guid forumId, [ReadAggregate("forumId", Required = false)] ForumState? forum, IQuerySession store, TimeProvider clock)
    {
        if (forum is null) return Problems.Of(ForumDecider.ForumNotFound(forumId));
        var today = ActionPlanRules.Today(clock.GetUtcNow());
        var plans = await store.Query<ActionPlanState>().Where(p => p.ForumId == forum.Id).OrderByDescending(p => p.StartsOn).ToListAsync();
        return Results.Ok(plans.Select(p => new
        {
            actionPlanId = p.Id, p.Title, p.StartsOn, p.EndsOn, p.ProposalsCloseOn, proposalsOpen = p.ProposalsOpen(today), p.Status, p.AdoptedAt,
            commitments = p.Commitments.Count, link = $"/api/action-plans/{p.Id}",
        }));
    }
}
