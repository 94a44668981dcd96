using Forum.Host.Identity;

namespace Forum.Host.Localisation;

/// <summary>
/// Which language a request is answered in (ADR 0014): the one asked for in the address (<c>?lang=</c>, remembered in a
/// cookie for the visitor's next pages), else the account's preference (a claim of the signed-in person), else the
/// visitor's last choice (the cookie), else the browser's Accept-Language, else the forum's language when the caller
/// knows it, else English.
/// </summary>
public static class LanguageChoice
{
    public const string Cookie = "forum-lang";

    public static string Of(HttpContext http, string? forumLanguage = null) =>
        Chosen(http) ?? Languages.Supported(forumLanguage) ?? Languages.Default;

    /// <summary>The language the person or their browser chose, or null (then the forum's language decides).</summary>
    public static string? Chosen(HttpContext http) =>
        Asked(http)
        ?? Languages.Supported(http.User.FindFirst(ForumClaims.Language)?.Value)
        ?? Languages.Supported(http.Request.Cookies[Cookie])
        ?? Languages.FromAcceptLanguage(http.Request.Headers.AcceptLanguage.ToString());

    public static string? Asked(HttpContext http) => Languages.Supported(http.Request.Query["lang"].ToString());

    /// <summary>A language asked for in the address is kept for the visitor's next pages.</summary>
    public static void Remember(HttpContext http)
    {
        if (Asked(http) is { } asked && http.Request.Cookies[Cookie] != asked)
            http.Response.Cookies.Append(Cookie, asked, new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true, IsEssential = true, Path = "/",
            });
    }
}
