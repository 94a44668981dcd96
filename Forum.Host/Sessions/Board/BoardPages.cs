using Forum.Projections.Sessions;

namespace Forum.Host.Sessions.Board;

/// <summary>
/// The parts of a board a join leaves out, page by page (ADR 0013): the positions on any item, and who is present.
/// Each record carries the version it changed at, so a screen merges pages and pushes by keeping the newer.
/// </summary>
public static class BoardPagesEndpoint
{
    [WolverineGet("/api/sessions/{sessionId}/items/{itemId}/positions"), Tags("Live session")]
    public static async Task<IResult> Positions(Guid itemId, int? page, [ReadAggregate("sessionId", Required = false)] SessionState session,
        [NotBody] SessionCaller caller, IQuerySession store)
    {
        if (session.Item(itemId) is null) return Problems.Of(Rejection.NotFound("item-not-found", $"'{session.Title}' has no agenda item {itemId}."));
        if (PageOf(page) is { } bad) return Problems.Of(bad);
        var positions = await SessionBoards.Positions(store, session.Id, itemId, page ?? 0);
        return Results.Ok(new { sessionId = session.Id, itemId, page = page ?? 0, positions, next = Next(page, positions.Count) });
    }

    [WolverineGet("/api/sessions/{sessionId}/attendees"), Tags("Live session")]
    public static async Task<IResult> Attendees(int? page, [ReadAggregate("sessionId", Required = false)] SessionState session, [NotBody] SessionCaller caller,
        IQuerySession store)
    {
        if (PageOf(page) is { } bad) return Problems.Of(bad);
        var attendees = await SessionBoards.Attendees(store, session.Id, page ?? 0);
        return Results.Ok(new { sessionId = session.Id, page = page ?? 0, attendees, next = Next(page, attendees.Count) });
    }

    private static Rejection? PageOf(int? page) =>
        page is < 0 ? Rejection.Invalid("page", "page-range", "'page' counts from 0.") : null;

    private static int? Next(int? page, int count) => count == SessionBoards.PageSize ? (page ?? 0) + 1 : null;
}
