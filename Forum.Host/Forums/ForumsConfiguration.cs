namespace Forum.Host.Forums;

public static class ForumsConfiguration
{
    /// <summary>Wolverine discovers the endpoints; this is the one hook for what discovery cannot do.</summary>
    public static void MapForumEndpoints(this WebApplication app)
    {
        app.MapGet("/", () => Results.Text("Forum is running. API: /openapi/v1.json", "text/plain"));
    }
}
