using System.Threading.RateLimiting;
using Forum.Host.Localisation;
using Forum.Host.Mail;
using Forum.Projections.Forums;
using Forum.Projections.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Forum.Host.Identity;

public sealed record MagicLinkRequest(string? Email, string? ReturnUrl);

/// <summary>
/// Sends a link by mail; the link is made and stored (hashed) by the handler, so the secret never sits in the outbox.
/// The language is the requester's (their page's or browser's), used when the account chose none.
/// </summary>
public sealed record SendSignInLink(string Email, string? ReturnUrl, string? Language = null);

/// <summary>The framework's rate limiters, partitioned by address and by client, for sign-in link requests.</summary>
public sealed class SignInRateLimits(IOptions<ForumOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAddress = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email, _ => new FixedWindowRateLimiterOptions
            { PermitLimit = options.Value.SignInLinksPerAddress, Window = TimeSpan.FromMinutes(15), QueueLimit = 0 }));
    private readonly PartitionedRateLimiter<string> _perClient = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            { PermitLimit = options.Value.SignInLinksPerClient, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public bool Allow(string email, string client)
    {
        using var byClient = _perClient.AttemptAcquire(client);
        if (!byClient.IsAcquired) return false;
        using var byAddress = _perAddress.AttemptAcquire(email);
        return byAddress.IsAcquired;
    }

    public void Dispose() { _perAddress.Dispose(); _perClient.Dispose(); }
}

public static class RequestMagicLinkEndpoint
{
    [WolverinePost("/api/auth/magic-link"), Tags("Identity")]
    public static async Task<(IResult, OutgoingMessages)> Post(MagicLinkRequest request, HttpContext http, IDocumentSession session, SignInRateLimits limits)
    {
        var link = new OutgoingMessages();
        if (Input.Email("email", request.Email) is { } bad) return (Problems.Of(bad), link);
        var email = Actor.NormaliseEmail(request.Email!);
        if (!limits.Allow(email, http.Connection.RemoteIpAddress?.ToString() ?? "local"))
        {
            http.Response.Headers.RetryAfter = "60";
            return (Results.Problem(statusCode: 429, title: "Too many sign-in requests", type: "https://forum.example/problems/sign-in-rate-limited",
                detail: "Too many sign-in links were asked for; wait a few minutes and try again.",
                extensions: new Dictionary<string, object?> { ["rule"] = "sign-in-rate-limited" }), link);
        }
        // Invited guests too: the RSVP link no longer signs anyone in, so this is how a guest comes to follow the session.
        var known = await session.FindByEmail(email) is not null
                    || await session.Query<ForumDirectoryEntry>().AnyAsync(f => f.People.Contains(email))
                    || await session.Query<SessionInvitees>().AnyAsync(x => x.Emails.Contains(email));
        // The answer is the same whether the address is known or not.
        if (known) link.Add(new SendSignInLink(email, LocalOnly(request.ReturnUrl), LanguageChoice.Chosen(http)));
        return (Results.Accepted(value: new { message = "If this address belongs to a forum member, a sign-in link is on its way." }), link);
    }

    /// <summary>Only paths on this site: a link never sends someone elsewhere.</summary>
    public static string? LocalOnly(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : null;
}

public static class SendSignInLinkHandler
{
    public static async Task Handle(SendSignInLink message, IDocumentSession session, IMailSender mail, IOptions<ForumOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        var secret = session.IssueSignInLink(message.Email, message.ReturnUrl, clock.GetUtcNow().AddMinutes(o.SignInLinkMinutes));
        await session.SaveChangesAsync();
        var language = (await session.FindByEmail(message.Email))?.Language ?? message.Language;
        await mail.SendAsync(MailTemplates.SignIn(message.Email, o.Link($"/auth/link/{secret}"), o.SignInLinkMinutes, language));
    }
}

public static class UseSignInLinkEndpoint
{
    [WolverineGet("/auth/link/{token}"), Tags("Identity")]
    public static async Task<IResult> Get(string token, HttpContext http, IDocumentSession session, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var link = await session.LoadAsync<SignInLink>(Secrets.Hash(token));
        if (link is null || link.UsedAt is not null || link.ExpiresAt <= now)
            return Problems.Of(Rejection.Invalid("token", "sign-in-link-invalid",
                "This sign-in link has been used, has expired, or was never issued. Ask for a new one from the sign-in page."));
        link.UsedAt = now;
        session.Store(link);
        var account = await session.FindOrCreate(link.Email, now);
        account.LastSignInAt = now;
        session.Store(account);
        await session.SaveChangesAsync();
        await http.SignInAsync(IdentityConfiguration.CookieScheme, ForumClaims.Principal(account, IdentityConfiguration.CookieScheme));
        return Results.Redirect(link.ReturnUrl ?? "/");
    }

    [WolverinePost("/api/auth/sign-out"), Tags("Identity")]
    public static async Task<IResult> SignOut(HttpContext http)
    {
        await http.SignOutAsync(IdentityConfiguration.CookieScheme);
        return Results.NoContent();
    }
}
