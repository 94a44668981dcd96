namespace Forum.Host.Pages;

/// <summary>
/// The web pages: static HTML and plain JavaScript modules from wwwroot, over the same HTTP API and hub as any client
/// (ADR 0010). Pages with an id in their path are one file each; the script reads the id from the address.
/// </summary>
public static class PagesConfiguration
{
    private static readonly (string Pattern, string File)[] Routes =
    [
        ("/", "index.html"),
        ("/sign-in", "sign-in.html"),
        ("/forums/{forumId}", "forum.html"),
        ("/forums/{forumId}/desk", "forum-desk.html"),
        ("/forums/{forumId}/minutes", "archive.html"),
        ("/sessions/{sessionId}", "session.html"),
        ("/sessions/{sessionId}/console", "console.html"),
        ("/sessions/{sessionId}/desk", "session-desk.html"),
        ("/display/{sessionId}", "display.html"),
        ("/rsvp/{token}", "rsvp.html"),
    ];

    public static void UseForumPages(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            // Pages and modules change with each release and are small: always revalidate.
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "no-cache",
        });
        foreach (var (pattern, file) in Routes)
            app.MapFallbackToFile(pattern, file, new StaticFileOptions
            {
                OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "no-cache",
            });
    }
}
