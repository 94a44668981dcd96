using System.Collections.Concurrent;
using Forum.Domain.Forums;
using Forum.Domain.Sessions;
using Forum.Host.Identity;
using Forum.Host.Localisation;
using Marten;
using Scriban;
using Scriban.Runtime;

namespace Forum.Host.Pages;

/// <summary>
/// One page: its address, its body (<c>Pages/Templates/{Name}.html.sbn</c>), its script (<c>/js/pages/{Name}.js</c>) and
/// the key of its title. A live page loads the SignalR client; a page without the header is a room's big screen.
/// </summary>
/// <summary>NoReferrer: the address holds a personal link, never sent on to another site.</summary>
public sealed record Page(string Route, string Name, string Title, bool Live = false, bool Header = true, string? BodyClass = null, bool NoReferrer = false);

/// <summary>
/// The web pages (ADR 0010, 0013): one shell (<c>Pages/Templates/shell.html.sbn</c>) holds the head, the header with the
/// language picker and the sign-in state, and each page's body; the host renders them in the reader's language, and the
/// page's script does the rest over the same HTTP API and hub as any client.
/// </summary>
public static class PagesConfiguration
{
    public static readonly IReadOnlyList<Page> All =
    [
        new("/", "home", "home.title"),
        new("/sign-in", "sign-in", "signIn.title"),
        new("/forums", "forums", "forums.title"),
        new("/forums/{forumId}", "forum", "forum.title"),
        // Public, no sign-in (MR 1.1, MR 2.2; ADR 0018): the forum as the world sees it, and its OGP standards report.
        new("/forums/{forumId}/public", "public-forum", "public.title"),
        new("/forums/{forumId}/ogp-report", "ogp-report", "ogp.title"),
        new("/forums/{forumId}/desk", "forum-desk", "desk.title"),
        new("/forums/{forumId}/minutes", "archive", "archive.title"),
        // Action plans (ADR 0017): public pages; a member's forms show where their rule lets them act.
        new("/forums/{forumId}/action-plans", "action-plans", "plans.title"),
        new("/action-plans/{actionPlanId}", "action-plan", "plan.title"),
        new("/action-plans/{actionPlanId}/proposals", "proposals", "proposals.title"),
        new("/commitments/{commitmentId}", "commitment", "commitment.heading"),
        new("/action-points", "action-points", "actionPoints.title"),
        new("/sessions/{sessionId}", "session", "session.title", Live: true),
        new("/sessions/{sessionId}/console", "console", "console.title", Live: true),
        new("/sessions/{sessionId}/desk", "session-desk", "desk.sessionTitleDesk", Live: true),
        new("/sessions/{sessionId}/replay", "replay", "replay.title"),
        new("/display/{sessionId}", "display", "display.title", Live: true, Header: false, BodyClass: "display"),
        // The page behind an invitation mail's personal link: answers on a button, signs no one in (ADR 0016).
        new("/rsvp/{token}", "rsvp", "rsvp.heading", NoReferrer: true),
        // The weekly digest mail's "turn off" link: off on a button, signs no one in.
        new("/digest/off/{token}", "digest-off", "digestOff.heading", NoReferrer: true),
    ];

    private static readonly ConcurrentDictionary<string, Template> Templates = new();

    public static void UseForumPages(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            // Pages and modules change with each release and are small: always revalidate.
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "no-cache",
        });
        foreach (var page in All)
            app.MapGet(page.Route, (HttpContext http, IQuerySession session) => Serve(page, http, session)).ExcludeFromDescription();
        app.MapGet("/i18n/{language}.json", (string language) => Languages.Supported(language) is { } code
            ? Results.Bytes(Strings.Json(code), "application/json; charset=utf-8")
            : Results.NotFound()).ExcludeFromDescription();
    }

    private static async Task<IResult> Serve(Page page, HttpContext http, IQuerySession session)
    {
        LanguageChoice.Remember(http);
        var language = LanguageChoice.Chosen(http) ?? Languages.Supported(await ForumLanguage(http, session)) ?? Languages.Default;
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.Vary = "Cookie, Accept-Language";
        if (page.NoReferrer) http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return Results.Content(Render(page, language, ForumClaims.ActorOf(http.User)?.Email), "text/html; charset=utf-8");
    }

    /// <summary>The shell around the page's body, in one language, for a person signed in (their address) or not.</summary>
    public static string Render(Page page, string language, string? email)
    {
        var wording = Strings.For(language);
        var globals = TemplateStrings.Functions(wording, html: true);
        globals["page"] = page.Name;
        globals["title"] = page.Title;
        globals["live"] = page.Live;
        globals["header"] = page.Header;
        globals["body_class"] = page.BodyClass;
        globals["locale"] = wording.Language.Locale;
        globals["email"] = email;
        globals["languages"] = Languages.All.Select(l => new ScriptObject { ["code"] = l.Code, ["name"] = l.Name }).ToList();
        globals["body"] = Run(Load(page.Name), globals);
        return Run(Load("shell"), globals);
    }

    private static string Run(Template template, ScriptObject globals)
    {
        var context = new TemplateContext { StrictVariables = true };
        context.PushGlobal(globals);
        return template.Render(context);
    }

    private static Template Load(string name) => Templates.GetOrAdd(name, n =>
    {
        using var stream = typeof(PagesConfiguration).Assembly.GetManifestResourceStream($"Forum.Host.Pages.Templates.{n}.html.sbn")
            ?? throw new InvalidOperationException($"No page template {n}.html.sbn");
        var template = Template.Parse(new StreamReader(stream).ReadToEnd(), n);
        if (template.HasErrors) throw new InvalidOperationException($"Page template {n}: {string.Join("; ", template.Messages)}");
        return template;
    });

    /// <summary>
    /// Only when neither the person nor their browser chose a language Forum speaks: the language of the forum whose page
    /// this is (of the session's forum for a session's pages).
    /// </summary>
    private static async Task<string?> ForumLanguage(HttpContext http, IQuerySession session)
    {
        var values = http.Request.RouteValues;
        if (Guid.TryParse(values["sessionId"] as string, out var sessionId))
            return (await session.LoadAsync<SessionState>(sessionId, http.RequestAborted))?.Language;
        if (Guid.TryParse(values["forumId"] as string, out var forumId))
            return (await session.LoadAsync<ForumState>(forumId, http.RequestAborted))?.Language;
        return null;
    }
}
