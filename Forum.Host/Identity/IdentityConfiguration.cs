using System.Security.Claims;
using System.Text.Encodings.Web;
using Forum.Domain.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Forum.Host.Identity;

public static class IdentityConfiguration
{
    public const string Scheme = "forum", CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme, TokenScheme = "token";

    public static void AddForumIdentity(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddAuthentication(Scheme)
            // Browsers hold a cookie; scripts, bots and room displays send a personal token.
            .AddPolicyScheme(Scheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = ctx =>
                ApiTokenHandler.TokenOf(ctx.Request) is not null ? TokenScheme : CookieScheme)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "forum";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromDays(14);
                o.SlidingExpiration = true;
                o.LoginPath = "/sign-in";
                // An API caller gets problem details, not a redirect to a page.
                o.Events.OnRedirectToLogin = ctx => WriteIfApi(ctx, Rejection.Unauthenticated());
                o.Events.OnRedirectToAccessDenied = ctx => WriteIfApi(ctx, Rejection.Forbidden("access-denied", "You may not do this."));
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(TokenScheme, null);
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<SignInRateLimits>();
        builder.Services.AddHostedService<SecretariatBootstrap>();
        builder.Services.AddSingleton<KnownTokens>();
        builder.Services.ConfigureMarten((sp, opts) => opts.Listeners.Add(sp.GetRequiredService<KnownTokens>()));
        builder.Services.AddSingleton<TokenConnections>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TokenConnections>());
    }

    private static Task WriteIfApi(RedirectContext<CookieAuthenticationOptions> ctx, Rejection rejection)
    {
        if (!ctx.Request.Path.StartsWithSegments("/api") && !ctx.Request.Path.StartsWithSegments("/hubs"))
        {
            ctx.Response.Redirect(ctx.RedirectUri);
            return Task.CompletedTask;
        }
        return Problems.Of(rejection).ExecuteAsync(ctx.HttpContext);
    }
}

/// <summary>Bearer authentication with personal API tokens (hashed at rest). Hubs also take the token as <c>access_token</c>.</summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IDocumentStore store,
    KnownTokens known)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header[7..].Trim();
        // Browsers' WebSocket API cannot set headers; SignalR clients send the token on the hub's URL.
        if (request.Path.StartsWithSegments("/hubs") && request.Query["access_token"].ToString() is { Length: > 0 } q) return q;
        return null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenOf(Request) is not { } secret) return AuthenticateResult.NoResult();
        // This host's recent lookups (ADR 0026): revocation reaches them at once here, within seconds on other hosts.
        if (await known.Find(store, Secrets.Hash(secret), Context.RequestAborted) is not { } hit)
            return AuthenticateResult.Fail("The API token is unknown or revoked, or its account no longer exists.");
        var (token, account) = (hit.Token, hit.Account);
        if (token.DisplaySessionId is { } display && DisplayTokens.MayUse(display, UseOf(Request), SessionOf(Request)) is { } outOfScope)
            return AuthenticateResult.Fail(outOfScope.Detail);
        var principal = ForumClaims.Principal(account, Scheme.Name);
        // The hub keeps the token's connections under its id, so revoking the token ends them (TokenConnections).
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(ForumClaims.TokenId, token.Id.ToString()));
        if (token.DisplaySessionId is { } sessionId)
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(ForumClaims.DisplaySession, sessionId.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    private static TokenUse UseOf(HttpRequest request) =>
        request.Path.StartsWithSegments(Live.SessionHub.Path) ? TokenUse.FollowLive
        : HttpMethods.IsGet(request.Method) && SessionOf(request) is not null ? TokenUse.ReadBoard
        : TokenUse.Other;

    /// <summary>The session of <c>/api/sessions/{id}</c> (the board, exactly), else none.</summary>
    private static Guid? SessionOf(HttpRequest request) =>
        request.Path.Value?.Split('/') is ["", "api", "sessions", var id] && Guid.TryParse(id, out var sessionId) ? sessionId : null;
}
