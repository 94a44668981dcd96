using Forum.Domain.Forums.PastMeetings;
using Forum.Host.Forums.Public;
using Forum.Host.Infrastructure;
using Forum.Projections.Forums;
using Marten;
using Wolverine.Http;

namespace Forum.Host.Forums.PastMeetings;

public static class GetPastMeetingEndpoint
{
    /// <summary>A past meeting as recorded: public, as the forum's page is.</summary>
    [WolverineGet("/api/forums/{forumId}/past-meetings/{pastMeetingId}"), Tags("Public")]
    public static async Task<IResult> Get(Guid forumId, Guid pastMeetingId, IQuerySession session)
    {
        var record = await session.LoadAsync<ForumPublicRecord>(forumId);
        return record?.PastMeetings.FirstOrDefault(p => p.PastMeetingId == pastMeetingId) is { } found
            ? Results.Ok(PastMeetingView.Of(forumId, found))
            : Problems.Of(PastMeetingRules.PastMeetingNotFound(forumId, pastMeetingId));
    }
}

public static class GetPastMeetingMinutesEndpoint
{
    /// <summary>The minutes file exactly as uploaded, with its SHA-256 (RFC 9530 Repr-Digest) to check it by.</summary>
    [WolverineGet("/api/forums/{forumId}/past-meetings/{pastMeetingId}/minutes"), Tags("Public")]
    public static async Task<IResult> Get(Guid forumId, Guid pastMeetingId, IQuerySession session, HttpContext http)
    {
        var file = await session.LoadAsync<PastMeetingMinutesFile>(pastMeetingId, http.RequestAborted);
        if (file is null || file.ForumId != forumId) return Problems.Of(PastMeetingRules.MinutesFileNotFound(forumId, pastMeetingId));
        var headers = http.Response.Headers;
        headers.ETag = $"\"{file.Sha256}\"";
        headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(file.Sha256))}:";
        headers.XContentTypeOptions = "nosniff";
        // Served from our own origin: whatever the file holds must not run as a page of it.
        headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}
