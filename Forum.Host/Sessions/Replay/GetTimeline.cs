using Forum.Domain.Sessions;
using Marten;
using Marten.Events;
using Wolverine.Http;
using Wolverine.Marten;

namespace Forum.Host.Sessions.Replay;

public static class GetTimelineEndpoint
{
    public const int MaxLandmarks = 2_000;

    /// <summary>
    /// The track of a session replay: its length in versions and time, and its landmarks (opened, each item opened and
    /// closed, proposals, decisions, closed), found by type in the database so a long session is not loaded to draw it.
    /// Every moment in between comes page by page from <c>/moments</c>; the board at any of them from <c>?version=</c>.
    /// </summary>
    [WolverineGet("/api/sessions/{sessionId}/timeline"), Tags("Sessions")]
    public static async Task<IResult> Get([ReadAggregate("sessionId", Required = false)] SessionState session, [NotBody] SessionCaller caller,
        IQuerySession store, HttpContext http)
    {
        var ct = http.RequestAborted;
        var stream = await store.Events.FetchStreamStateAsync(session.Id, ct);
        var landmarks = await store.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == session.Id && e.EventTypesAre(Moment.Landmarks))
            .OrderBy(e => e.Version).Take(MaxLandmarks).ToListAsync(ct);
        return Results.Ok(new
        {
            sessionId = session.Id, session.Title, session.Status, version = stream?.Version ?? 0,
            agenda = session.Agenda.Select(i => new { i.ItemId, i.Title, i.Kind, i.Status }),
            landmarks = landmarks.Select(e => Moment.Of(e, caller.Forum, session)),
            links = new
            {
                moments = $"/api/sessions/{session.Id}/moments?after=0",
                boardAt = $"/api/sessions/{session.Id}?version={{version}}",
            },
        });
    }
}
