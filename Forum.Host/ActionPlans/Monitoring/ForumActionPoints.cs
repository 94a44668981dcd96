using Forum.Domain.ActionPlans;
using Forum.Domain.ActionPlans.Monitoring;
using Forum.Domain.Common;
using Forum.Host.Forums.Finding;
using Forum.Host.Infrastructure;
using Forum.Projections.ActionPlans;
using Forum.Projections.Sessions;
using Marten;
using Wolverine.Http;

namespace Forum.Host.ActionPlans.Monitoring;

public static class ForumActionPointsEndpoint
{
    /// <summary>
    /// For the secretariat's page: every action point of each forum they may link for (ActionPointRules.MayLink), with the
    /// commitments and milestones of that forum's plans to choose from. Others get an empty list, not a refusal: the page
    /// asks for everyone.
    /// </summary>
    [WolverineGet("/api/me/forum-action-points"), Tags("Action plans")]
    public static async Task<IResult> Get([NotBody] Actor actor, IQuerySession store, StateCache cache)
    {
        var forums = new List<object>();
        foreach (var entry in await ListForumsEndpoint.VisibleTo(store, actor))
        {
            if (await cache.Forum(store, entry.Id) is not { } forum || ActionPointRules.MayLink(forum, actor) is not null) continue;
            var sessions = (await store.Query<SessionBoard>().Where(b => b.ForumId == forum.Id).Select(b => b.Id).ToListAsync()).ToArray();
            var plans = await store.Query<ActionPlanState>().Where(p => p.ForumId == forum.Id).OrderByDescending(p => p.StartsOn).ToListAsync();
            var planIds = plans.Select(p => p.Id).ToArray();
            var batch = store.CreateBatchQuery();
            var points = batch.Query<ActionPointView>().Where(p => p.Assigned.SessionId.IsOneOf(sessions)).ToList();
            var rows = batch.Query<CommitmentRow>().Where(r => r.ActionPlanId.IsOneOf(planIds)).ToList();
            await batch.Execute();
            var titles = plans.ToDictionary(p => p.Id, p => p.Title);
            forums.Add(new
            {
                forumId = forum.Id, forum.Name,
                actionPoints = (await points).OrderBy(p => p.CompletedAt is not null).ThenBy(p => p.Assigned.Due).Select(p => new
                {
                    actionPointId = p.Id, p.Assigned.Description, p.Assigned.OwnerName, p.Assigned.Due, p.Assigned.SessionId,
                    done = p.CompletedAt is not null, p.CommitmentId, p.MilestoneId,
                }),
                commitments = (await rows).OrderBy(r => Array.IndexOf(planIds, r.ActionPlanId)).ThenBy(r => r.Number).Select(r => new
                {
                    commitmentId = r.Id, r.ActionPlanId, planTitle = titles[r.ActionPlanId], r.Number, r.Title,
                    milestones = r.Milestones.Select(m => new { m.MilestoneId, m.Title }),
                }),
            });
        }
        return Results.Ok(forums);
    }
}
