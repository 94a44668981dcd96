using Forum.Domain.Invitations;
using Forum.Host.Identity;
using Forum.Projections.Forums;

namespace Forum.Host.Invitations.Answering;

public sealed record RsvpLinkRequest(RsvpAnswer? Answer);

/// <summary>
/// The invitee's personal link opens a page (<c>/rsvp/{token}</c>, Pages/Templates/rsvp.html.sbn) that reads the invitation here and
/// answers with a button. Opening the link changes nothing, so a mail scanner that follows it records no answer; and
/// the link signs no one in: it proves who answers this one invitation, nothing more (ADR 0016). Signing in is the
/// one-time e-mail link.
/// </summary>
public static class RsvpLinkEndpoint
{
    [WolverineGet("/api/rsvp/{token}"), Tags("Invitations")]
    public static async Task<IResult> Get(string token, IQuerySession session, TimeProvider clock)
    {
        var link = await session.LoadAsync<RsvpLink>(Secrets.Hash(token));
        if (link is null) return Problems.Of(Unknown());
        var s = await session.LoadAsync<SessionState>(link.SessionId);
        if (s is null || !s.Invitations.TryGetValue(link.InvitationId, out var invitee)) return Problems.Of(Unknown());
        var forum = await session.LoadAsync<ForumDirectoryEntry>(s.ForumId);
        return Results.Ok(new
        {
            sessionId = s.Id, forum = forum?.Name ?? "", s.Title, s.Status, s.StartsAt, s.EndsAt, s.Mode, s.Venue, s.OnlineUrl,
            invitee.Name, invitee.Answer, invitee.AnsweredAt,
            canAnswer = InvitationRules.Answerable(s.Status, s.StartsAt, clock.GetUtcNow()), answers = InvitationRules.AnswersFor(s.Mode),
        });
    }

    /// <summary>Answers (again, to change the answer, until the session starts) under the same rule as the signed-in invitee.</summary>
    [WolverinePost("/api/rsvp/{token}"), Tags("Invitations")]
    public static async Task<IResult> Post(string token, RsvpLinkRequest r, IDocumentSession session, TimeProvider clock)
    {
        var link = await session.LoadAsync<RsvpLink>(Secrets.Hash(token));
        if (link is null) return Problems.Of(Unknown());
        // The stream comes from the link, not the route: loaded here, under the same exclusive lock as every session write.
        var stream = await session.Events.FetchForExclusiveWriting<SessionState>(link.SessionId);
        if (stream.Aggregate is not { } s) return Problems.Of(Unknown());
        var verdict = InvitationRules.Answer(s, new AnswerInvitation(link.InvitationId, r.Answer), clock.GetUtcNow());
        if (verdict.Rejection is { } rejection) return Problems.Of(rejection);
        stream.AppendMany(verdict.Events);
        await session.SaveChangesAsync();
        return Results.Ok(new { sessionId = s.Id, answer = r.Answer, version = s.Version + verdict.Events.Count });
    }

    private static Rejection Unknown() =>
        Rejection.Invalid("token", "rsvp-link-invalid", "This link is not one we sent. Open the link in your invitation mail, or ask the secretariat to resend it.");
}
