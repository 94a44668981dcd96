using System.Security.Claims;
using Forum.Domain.ActionPlans;
using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Host.Identity;
using Forum.Host.Infrastructure;
using Forum.Projections.ActionPlans;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Forum.Host.ActionPlans;

/// <summary>Who asks about an action plan (nobody, for reading in public), its forum and the plan itself.</summary>
public sealed record PlanCaller(Actor? Actor, ForumState Forum, ActionPlanState Plan);

/// <summary>Who asks about an action point, the forum of the session that decided it, and the point as assigned.</summary>
public sealed record ActionPointCaller(Actor Actor, ForumState Forum, ActionPointView Point);

/// <summary>
/// The doors of action plan endpoints (ADR 0012, registered in Doors): an action plan is public, so anyone reads it; any
/// write needs someone signed in (401) before an unknown plan, commitment or proposal is 404. Who may write what is each
/// rule's own business.
/// </summary>
public static class ActionPlanDoor
{
    public static async Task<(PlanCaller?, ProblemDetails)> LoadAsync(Guid actionPlanId, ActionPlanState? plan, ClaimsPrincipal user, HttpContext http,
        StateCache cache, IDocumentSession store) =>
        await Open(user, http, plan is null ? null : plan.ForumId, plan, ActionPlanRules.PlanNotFound(actionPlanId), cache, store);

    internal static async Task<(PlanCaller?, ProblemDetails)> Open(ClaimsPrincipal user, HttpContext http, Guid? forumId, ActionPlanState? plan, Rejection missing,
        StateCache cache, IDocumentSession store)
    {
        var actor = ForumClaims.ActorOf(user);
        if (actor is null && !HttpMethods.IsGet(http.Request.Method)) return (null, Problems.Details(Rejection.Unauthenticated()));
        if (plan is null || forumId is null || await cache.Forum(store, forumId.Value) is not { } forum) return (null, Problems.Details(missing));
        return (new PlanCaller(actor, forum, plan), WolverineContinue.NoProblems);
    }
}

public static class CommitmentDoor
{
    public static async Task<(PlanCaller?, ProblemDetails)> LoadAsync(Guid commitmentId, CommitmentState? commitment, ClaimsPrincipal user, HttpContext http,
        StateCache cache, IDocumentSession store)
    {
        var plan = commitment is null ? null : await store.LoadAsync<ActionPlanState>(commitment.ActionPlanId);
        return await ActionPlanDoor.Open(user, http, commitment?.ForumId, plan, ActionPlanRules.CommitmentNotFound(commitmentId), cache, store);
    }
}

public static class ProposalDoor
{
    public static async Task<(PlanCaller?, ProblemDetails)> LoadAsync(Guid proposalId, ProposalState? proposal, ClaimsPrincipal user, HttpContext http,
        StateCache cache, IDocumentSession store)
    {
        var plan = proposal is null ? null : await store.LoadAsync<ActionPlanState>(proposal.ActionPlanId);
        return await ActionPlanDoor.Open(user, http, proposal?.ForumId, plan, ActionPlanRules.ProposalNotFound(proposalId), cache, store);
    }
}

/// <summary>Action points belong to a session's decision: nobody (401) learns nothing, an unknown point is 404.</summary>
public static class ActionPointDoor
{
    public static async Task<(ActionPointCaller?, ProblemDetails)> LoadAsync(Guid actionPointId, ClaimsPrincipal user, StateCache cache, IDocumentSession store)
    {
        if (ForumClaims.ActorOf(user) is not { } actor) return (null, Problems.Details(Rejection.Unauthenticated()));
        var point = await store.LoadAsync<ActionPointView>(actionPointId);
        var session = point is null ? null : await cache.Session(store, point.Assigned.SessionId);
        var forum = session is null ? null : await cache.Forum(store, session.ForumId);
        if (point is null || forum is null) return (null, Problems.Details(ActionPlanRules.ActionPointNotFound(actionPointId)));
        return (new ActionPointCaller(actor, forum, point), WolverineContinue.NoProblems);
    }
}

/// <summary>
/// A commitment named in a request's body (an answer, an agenda item's link, an action point's link), or none: a type of its
/// own so that it never opens the commitment door meant for commitments named in the route.
/// </summary>
public sealed record NamedCommitment(CommitmentState? Commitment)
{
    public static async Task<NamedCommitment> Find(IQuerySession store, Guid? id) => new(id is { } x ? await store.LoadAsync<CommitmentState>(x) : null);
}
