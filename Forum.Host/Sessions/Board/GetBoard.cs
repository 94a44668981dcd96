using Forum.Projections.Sessions;

namespace Forum.Host.Sessions.Board;

public static class GetBoardEndpoint
{
    /// <summary>
    /// The whole board now (every position standing, everyone present), or as it was at a stream version or a moment,
    /// replayed: "what did the room saw when X was decided?"
    /// </summary>
    [WolverineGet("/api/sessions/{sessionId}"), Tags("Sessions")]
    public static async Task<IResult> Get(long? version, DateTimeOffset? at, [ReadAggregate("sessionId", Required = false)] SessionState session,
        [NotBody] SessionCaller caller, IQuerySession store)
    {
        if (version is < 1)
            return Problems.Of(Rejection.Invalid("version", "version-range", "'version' counts from 1, the session's first event."));
        var board = version is not null || at is not null
            ? await SessionBoards.AsOf(store, session.Id, version, at)
            : await SessionBoards.Whole(store, session.Id);
        if (board is null)
            return Problems.Of(Rejection.NotFound("board-not-yet", "The session did not exist at that moment."));
        return Results.Ok(board);
    }
}
