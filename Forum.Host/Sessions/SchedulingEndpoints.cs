using System.Security.Claims;
using Forum.Domain.Forums;
using Forum.Domain.Sessions;
using Forum.Host.Forums;
using Forum.Host.Identity;
using Forum.Host.Infrastructure;
using Forum.Projections.Sessions;
using Marten;
using Wolverine;
using Wolverine.Http;

namespace Forum.Host.Sessions;

public sealed record ScheduleSessionRequest(string? Title, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, SessionMode? Mode, string? Venue, string? OnlineUrl, string? Language);
public sealed record RescheduleRequest(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Venue, string? OnlineUrl);
public sealed record CancelRequest(string? Reason);
public sealed record AgendaItemRequest(string? Title, string? Description, ItemKind? Kind, string? Presenter, int? Minutes);
public sealed record ReorderRequest(List<Guid>? ItemIds);
public sealed record WithdrawItemRequest(string? Reason);

public static class ScheduleSessionEndpoint
{
    [WolverinePost("/api/forums/{forumId}/sessions"), Tags("Sessions")]
    public static async Task<IResult> Post(Guid forumId, ScheduleSessionRequest r, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        if (ForumClaims.ActorOf(user) is not { } actor) return Problems.Of(Domain.Common.Rejection.Unauthenticated());
        if (await session.LoadAsync<ForumState>(forumId) is not { } forum) return Problems.Of(ForumDecider.ForumNotFound(forumId));
        var sessionId = Guid.CreateVersion7();
        var verdict = SessionDecider.Schedule(forum, new ScheduleSession(sessionId, r.Title, r.StartsAt, r.EndsAt, r.Mode, r.Venue, r.OnlineUrl, r.Language), actor, clock.GetUtcNow());
        if (verdict.Rejection is { } rejection) return Problems.Of(rejection);
        session.Events.StartStream<SessionState>(sessionId, verdict.Events);
        return Results.Created($"/api/sessions/{sessionId}", new { sessionId });
    }

    [WolverineGet("/api/forums/{forumId}/sessions"), Tags("Sessions")]
    public static async Task<IResult> List(Guid forumId, ClaimsPrincipal user, IQuerySession session)
    {
        var (_, _, refusal) = await ForumStreams.Read(session, forumId, user, ForumRole.Observer, "see this forum's sessions");
        if (refusal is not null) return Problems.Of(refusal);
        var boards = await session.Query<SessionBoard>().Where(b => b.ForumId == forumId).OrderBy(b => b.StartsAt).ToListAsync();
        return Results.Ok(boards.Select(b => new { sessionId = b.Id, b.Title, b.StartsAt, b.EndsAt, b.Mode, b.Venue, b.Status, b.Language }));
    }
}

public static class RescheduleEndpoints
{
    [WolverinePut("/api/sessions/{sessionId}/schedule"), Tags("Sessions")]
    public static async Task<IResult> Reschedule(Guid sessionId, RescheduleRequest r, ClaimsPrincipal user, IDocumentSession session, IMessageBus bus, TimeProvider clock)
    {
        var changed = false;
        var result = await SessionStreams.Decide(session, sessionId, user, (f, s, a) =>
        {
            var verdict = SessionDecider.Reschedule(f, s, new RescheduleSession(r.StartsAt, r.EndsAt, r.Venue, r.OnlineUrl), a, clock.GetUtcNow());
            changed = verdict.Events.Count > 0;
            return verdict;
        });
        // Invitees hear of it (updated invitations, reminders moved) only if the change commits (outbox).
        if (changed) await bus.PublishAsync(new SessionScheduleChanged(sessionId));
        return result;
    }

    [WolverinePost("/api/sessions/{sessionId}/cancel"), Tags("Sessions")]
    public static async Task<IResult> Cancel(Guid sessionId, CancelRequest r, ClaimsPrincipal user, IDocumentSession session, IMessageBus bus, TimeProvider clock)
    {
        var cancelled = false;
        var result = await SessionStreams.Decide(session, sessionId, user, (f, s, a) =>
        {
            var verdict = SessionDecider.Cancel(f, s, new CancelSession(r.Reason), a, clock.GetUtcNow());
            cancelled = verdict.Events.Count > 0;
            return verdict;
        });
        if (cancelled) await bus.PublishAsync(new SessionWasCancelled(sessionId));
        return result;
    }
}

/// <summary>Published when a reschedule commits; the invitations workflow sends updates and moves reminders.</summary>
public sealed record SessionScheduleChanged(Guid SessionId);
/// <summary>Published when a cancel commits; the invitations workflow sends cancellations.</summary>
public sealed record SessionWasCancelled(Guid SessionId);

public static class AgendaEndpoints
{
    [WolverinePost("/api/sessions/{sessionId}/agenda"), Tags("Sessions")]
    public static async Task<IResult> Add(Guid sessionId, AgendaItemRequest r, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var itemId = Guid.CreateVersion7();
        return await SessionStreams.Decide(session, sessionId, user, (f, s, a) =>
            SessionDecider.AddItem(f, s, new AddAgendaItem(itemId, r.Title, r.Description, r.Kind, r.Presenter, r.Minutes), a, clock.GetUtcNow()),
            version => Results.Created($"/api/sessions/{sessionId}/agenda/{itemId}", new { itemId, version }));
    }

    [WolverinePut("/api/sessions/{sessionId}/agenda/{itemId}"), Tags("Sessions")]
    public static Task<IResult> Amend(Guid sessionId, Guid itemId, AgendaItemRequest r, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        SessionStreams.Decide(session, sessionId, user, (f, s, a) =>
            SessionDecider.AmendItem(f, s, new AmendAgendaItem(itemId, r.Title, r.Description, r.Kind, r.Presenter, r.Minutes), a, clock.GetUtcNow()));

    [WolverinePut("/api/sessions/{sessionId}/agenda"), Tags("Sessions")]
    public static Task<IResult> Reorder(Guid sessionId, ReorderRequest r, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        SessionStreams.Decide(session, sessionId, user, (f, s, a) => SessionDecider.Reorder(f, s, new ReorderAgenda(r.ItemIds), a, clock.GetUtcNow()));

    [WolverinePost("/api/sessions/{sessionId}/agenda/{itemId}/withdraw"), Tags("Sessions")]
    public static Task<IResult> Withdraw(Guid sessionId, Guid itemId, WithdrawItemRequest r, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        SessionStreams.Decide(session, sessionId, user, (f, s, a) => SessionDecider.WithdrawItem(f, s, new WithdrawAgendaItem(itemId, r.Reason), a, clock.GetUtcNow()));
}
