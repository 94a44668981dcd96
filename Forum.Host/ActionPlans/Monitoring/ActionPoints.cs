using Forum.Domain.ActionPlans;
using Forum.Domain.ActionPlans.Monitoring;
using Forum.Domain.Common;
using Forum.Host.Forums.Finding;
using Forum.Host.Infrastructure;
using Forum.Projections.ActionPlans;
using Marten;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.ActionPlans.Monitoring;

public sealed record CompleteActionPointRequest(string? Note);
public sealed record LinkActionPointRequest(Guid? CommitmentId, Guid? MilestoneId);

public static class CompleteActionPointEndpoint
{
    [WolverinePost("/api/action-points/{actionPointId}/complete"), Tags("Action plans")]
    public static (IResult, Events) Post(CompleteActionPointRequest r, [WriteAggregate("actionPointId", Required = false)] ActionPointState? state,
        [NotBody] ActionPointCaller caller, TimeProvider clock) =>
        ActionPointRules.Complete(caller.Forum, caller.Point.Assigned, state, new CompleteActionPoint(r.Note), caller.Actor, clock.GetUtcNow()).Answer(Results.NoContent());
}

public static class LinkActionPointEndpoint
{
    public static Task<NamedCommitment> LoadAsync(LinkActionPointRequest r, IQuerySession store) => NamedCommitment.Find(store, r.CommitmentId);

    [WolverinePut("/api/action-points/{actionPointId}/link"), Tags("Action plans")]
    public static (IResult, Events) Put(LinkActionPointRequest r, [WriteAggregate("actionPointId", Required = false)] ActionPointState? state,
        [NotBody] ActionPointCaller caller, NamedCommitment named, TimeProvider clock) =>
        ActionPointRules.Link(caller.Forum, caller.Point.Assigned, state, new LinkActionPoint(r.CommitmentId, r.MilestoneId), named.Commitment, caller.Actor, clock.GetUtcNow())
            .Answer(Results.NoContent());
}

public static class MyActionPointsEndpoint
{
    /// <summary>The action points the caller owns, in every forum they belong to, with what is overdue today.</summary>
    [WolverineGet("/api/me/action-points"), Tags("Action plans")]
    public static async Task<IResult> Get([NotBody] Actor actor, IQuerySession store, StateCache cache, TimeProvider clock)
    {
        var today = ActionPlanRules.Today(clock.GetUtcNow());
        var forums = await ListForumsEndpoint.VisibleTo(store, actor);
        var memberIds = new List<Guid>();
        foreach (var f in forums)
            if (await cache.Forum(store, f.Id) is { } forum && forum.MemberByEmail(actor.Email) is { } me) memberIds.Add(me.MemberId);
        var points = memberIds.Count == 0 ? [] : await store.Query<ActionPointView>().Where(p => memberIds.Contains(p.OwnerMemberId)).ToListAsync();
        var linked = points.Where(p => p.CommitmentId is not null).Select(p => p.CommitmentId!.Value).Distinct().ToArray();
        var commitments = linked.Length == 0 ? new Dictionary<Guid, CommitmentRow>() : (await store.LoadManyAsync<CommitmentRow>(linked)).ToDictionary(r => r.Id);
        var mine = points.OrderBy(p => p.CompletedAt is not null).ThenBy(p => p.Assigned.Due).Select(p => new
        {
            actionPointId = p.Id, p.Assigned.SessionId, p.Assigned.ItemId, p.Assigned.Description, p.Assigned.Due, p.CommitmentId, p.MilestoneId,
            commitment = p.CommitmentId is { } c && commitments.TryGetValue(c, out var row) ? new { row.Number, row.Title } : null,
            done = p.CompletedAt is not null, p.CompletedAt, p.CompletionNote,
            overdue = p.CompletedAt is null && p.Assigned.Due < today, daysOverdue = p.CompletedAt is null && p.Assigned.Due < today ? today.DayNumber - p.Assigned.Due.DayNumber : 0,
        }).ToList();
        return Results.Ok(new { overdue = mine.Count(p => p.overdue), open = mine.Count(p => !p.done), actionPoints = mine });
    }
}
