using Forum.Domain.Common;
using Forum.Host.Infrastructure;
using Forum.Host.Localisation;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Wolverine.Http;

namespace Forum.Host.Identity.Preferences;

/// <summary>
/// A field left out is left as it is, so a client that sets one preference does not clear another;
/// <c>"language": ""</c> goes back to following the browser.
/// </summary>
public sealed record PreferencesRequest(string? Language);

public static class SetPreferencesEndpoint
{
    [WolverinePut("/api/me/preferences"), Tags("Identity")]
    public static async Task<IResult> Put(PreferencesRequest request, [NotBody] Actor actor, HttpContext http, IDocumentSession session)
    {
        if (request.Language is { Length: > 0 } asked && Languages.Supported(asked) != asked.Trim().ToLowerInvariant())
            return Problems.Of(Rejection.Invalid("language", "language-unsupported",
                $"'language' must be one of {string.Join(", ", Languages.All.Select(l => l.Code))}, or empty to follow the browser."));
        var account = await session.LoadAsync<Account>(actor.AccountId);
        if (account is null) return Problems.Of(Rejection.Unauthenticated());
        if (request.Language is not null) account.Language = Languages.Supported(request.Language);
        session.Store(account);
        // A browser's claims travel in its cookie: issue it again so the next page already speaks the new language.
        if (ApiTokenHandler.TokenOf(http.Request) is null)
            await http.SignInAsync(IdentityConfiguration.CookieScheme, ForumClaims.Principal(account, IdentityConfiguration.CookieScheme));
        return Results.Ok(new { language = account.Language });
    }
}
