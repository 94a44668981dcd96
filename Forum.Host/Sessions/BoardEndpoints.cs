using System.Security.Claims;
using Forum.Domain.Common;
using Forum.Host.Infrastructure;
using Forum.Projections.Sessions;
using Marten;
using Wolverine.Http;

namespace Forum.Host.Sessions;

public static class BoardEndpoints
{
    /// <summary>The board now, or as it was at a stream version or a moment: "what did the room see when X was decided?"</summary>
    [WolverineGet("/api/sessions/{sessionId}"), Tags("Sessions")]
    public static async Task<IResult> Get(Guid sessionId, long? version, DateTimeOffset? at, ClaimsPrincipal user, IQuerySession session)
    {
        var (_, _, _, refusal) = await SessionStreams.Read(session, sessionId, user);
        if (refusal is not null) return Problems.Of(refusal);
        if (version is < 1)
            return Problems.Of(Rejection.Invalid("version", "version-range", "'version' counts from 1, the session's first event."));
        var board = version is not null || at is not null
            ? await session.Events.AggregateStreamAsync<SessionBoard>(sessionId, version: version ?? 0, timestamp: at?.ToUniversalTime())
            : await session.LoadAsync<SessionBoard>(sessionId);
        if (board is null)
            return Problems.Of(Rejection.NotFound("board-not-yet", "The session did not exist at that moment."));
        return Results.Ok(board);
    }
}
