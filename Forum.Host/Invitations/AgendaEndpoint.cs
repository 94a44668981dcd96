using System.Security.Claims;
using Forum.Domain.Invitations;
using Forum.Host.Identity;
using Forum.Projections.Forums;
using Forum.Projections.Sessions;

namespace Forum.Host.Invitations;

public sealed record AgendaSession(Guid SessionId, Guid ForumId, string Forum, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, SessionMode Mode,
    string Venue, string OnlineUrl, SessionStatus Status, Guid InvitationId, RsvpAnswer? Answer, DateTimeOffset? AnsweredAt, bool CanAnswer);
public sealed record MemberAgenda(string Email, IReadOnlyList<AgendaSession> Sessions);

public static class AgendaEndpoint
{
    /// <summary>The caller's upcoming sessions (invited to, not cancelled or closed) with their answers: one query over SessionInvitees (ADR 0009).</summary>
    [WolverineGet("/api/me/agenda"), Tags("Invitations")]
    public static async Task<IResult> Get(ClaimsPrincipal user, IQuerySession session, TimeProvider clock)
    {
        if (ForumClaims.ActorOf(user) is not { } actor) return Problems.Of(Rejection.Unauthenticated());
        var now = clock.GetUtcNow();
        var invited = await session.Query<SessionInvitees>()
            .Where(x => x.Emails.Contains(actor.Email) && (x.Status == SessionStatus.Scheduled || x.Status == SessionStatus.Open))
            .OrderBy(x => x.StartsAt)
            .ToListAsync();
        var forums = (await session.LoadManyAsync<ForumDirectoryEntry>(invited.Select(x => x.ForumId).Distinct())).ToDictionary(f => f.Id, f => f.Name);
        var sessions = invited.Select(x =>
        {
            var mine = x.Invitees.First(i => i.Email == actor.Email);
            return new AgendaSession(x.Id, x.ForumId, forums.GetValueOrDefault(x.ForumId, ""), x.Title, x.StartsAt, x.EndsAt, x.Mode, x.Venue, x.OnlineUrl, x.Status,
                mine.InvitationId, mine.Answer, mine.AnsweredAt, InvitationRules.Answerable(x.Status, x.StartsAt, now));
        }).ToList();
        return Results.Ok(new MemberAgenda(actor.Email, sessions));
    }
}
