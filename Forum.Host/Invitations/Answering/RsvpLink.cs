using System.Security.Claims;
using Forum.Domain.Invitations;
using Forum.Host.Identity;
using Microsoft.AspNetCore.Authentication;

namespace Forum.Host.Invitations.Answering;

public static class RsvpLinkEndpoint
{
    /// <summary>
    /// The invitee's personal link: answers (again, to change the answer, until the session starts), signs the invitee in
    /// with a cookie (the account is made on first use), and goes to the session's page.
    /// </summary>
    [WolverineGet("/rsvp/{token}"), Tags("Invitations")]
    public static async Task<IResult> Get(string token, string? answer, HttpContext http, IDocumentSession session, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var link = await session.LoadAsync<RsvpLink>(Secrets.Hash(token));
        if (link is null)
            return Problems.Of(Rejection.Invalid("token", "rsvp-link-invalid", "This link is not one we sent. Open the link in your invitation mail, or ask the secretariat to resend it."));
        RsvpAnswer? parsed = Enum.TryParse<RsvpAnswer>(answer, ignoreCase: true, out var a) && Enum.IsDefined(a) && !int.TryParse(answer, out _) ? a : null;
        if (parsed is null && !string.IsNullOrEmpty(answer))
            return Problems.Of(Rejection.Invalid("answer", "enum-value-unknown", $"'answer' must be one of {string.Join(", ", Enum.GetNames<RsvpAnswer>())}."));

        var stream = await session.Events.FetchForExclusiveWriting<SessionState>(link.SessionId);
        if (stream.Aggregate is not { } s) return Problems.Of(SessionRules.SessionNotFound(link.SessionId));
        var verdict = InvitationRules.Answer(s, new AnswerInvitation(link.InvitationId, parsed), now);
        if (verdict.Rejection is { } rejection) return Problems.Of(rejection);
        stream.AppendMany(verdict.Events);

        var account = await session.FindOrCreate(s.Invitations[link.InvitationId].Email, now);
        account.LastSignInAt = now;
        session.Store(account);
        await session.SaveChangesAsync();
        await http.SignInAsync(IdentityConfiguration.CookieScheme, ForumClaims.Principal(account, IdentityConfiguration.CookieScheme));
        return Results.Redirect($"/sessions/{s.Id}");
    }
}
