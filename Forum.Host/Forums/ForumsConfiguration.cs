namespace Forum.Host.Forums;

public static class ForumsConfiguration
{
    /// <summary>Wolverine discovers the endpoints; this is the one hook for what discovery cannot do.</summary>
    public static void MapForumEndpoints(this WebApplication app)
    {
    }
}
