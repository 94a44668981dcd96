using Marten;

namespace Forum.Projections.Sessions;

/// <summary>How the board is read (ADR 0013): light for a join, whole for the API, paged, or replayed as of a moment.</summary>
public static class SessionBoards
{
    public const int PageSize = 500;

    /// <summary>
    /// The board as it stands with the positions on the item in front of the room, and the caller's own attendance: what a
    /// screen needs to start from. The rest (other items' positions, the attendee list) is paged on demand; pushes bring the
    /// changes. One round trip when <paramref name="currentItem"/> (from the door's state) names the board's current item;
    /// when the board has moved on since, its item's positions are read after it.
    /// </summary>
    public static async Task<SessionBoard?> ForJoin(IQuerySession session, Guid sessionId, Guid? currentItem, Guid? memberId, CancellationToken ct = default)
    {
        var batch = session.CreateBatchQuery();
        var loading = batch.Load<SessionBoard>(sessionId);
        var positions = currentItem is { } item ? batch.Query<BoardPosition>().Where(p => p.SessionId == sessionId && p.ItemId == item && !p.Withdrawn).ToList() : null;
        var me = memberId is { } m ? batch.Load<BoardAttendee>(BoardKeys.Attendee(sessionId, m)) : null;
        await batch.Execute(ct);
        var board = await loading;
        if (board is null) return null;
        if (me is not null && await me is { Present: true } here) board.Attendees[here.MemberId] = here;
        if (board.CurrentItemId is not { } current) return board;
        var shown = board.Agenda.First(i => i.ItemId == current);
        var standing = current == currentItem ? await positions!
            : await session.Query<BoardPosition>().Where(p => p.SessionId == sessionId && p.ItemId == current && !p.Withdrawn).ToListAsync(ct);
        foreach (var p in standing) shown.Positions[p.MemberId] = p;
        return board;
    }

    /// <summary>The whole board now: every position standing and everyone present.</summary>
    public static async Task<SessionBoard?> Whole(IQuerySession session, Guid sessionId, CancellationToken ct = default)
    {
        var board = await session.LoadAsync<SessionBoard>(sessionId, ct);
        if (board is null) return null;
        var items = board.Agenda.ToDictionary(i => i.ItemId);
        foreach (var p in await session.Query<BoardPosition>().Where(p => p.SessionId == sessionId && !p.Withdrawn).ToListAsync(ct))
            if (items.TryGetValue(p.ItemId, out var item)) item.Positions[p.MemberId] = p;
        foreach (var a in await session.Query<BoardAttendee>().Where(a => a.SessionId == sessionId && a.Present).ToListAsync(ct))
            board.Attendees[a.MemberId] = a;
        return board;
    }

    /// <summary>The board as it was at a stream version or a moment, replayed from the events with the board's own Apply methods.</summary>
    public static async Task<SessionBoard?> AsOf(IQuerySession session, Guid sessionId, long? version, DateTimeOffset? at, CancellationToken ct = default)
    {
        var events = await session.Events.FetchStreamAsync(sessionId, version: version ?? 0, timestamp: at?.ToUniversalTime(), token: ct);
        var board = SessionBoard.Replay(events.Select(e => (e.Version, e.Data)));
        if (board is null) return null;
        // A replay keeps everyone who ever checked in; the board as the room saw it shows those present.
        foreach (var gone in board.Attendees.Values.Where(a => !a.Present).ToList()) board.Attendees.Remove(gone.MemberId);
        foreach (var item in board.Agenda)
            foreach (var withdrawn in item.Positions.Values.Where(p => p.Withdrawn).ToList()) item.Positions.Remove(withdrawn.MemberId);
        return board;
    }

    public static async Task<IReadOnlyList<BoardPosition>> Positions(IQuerySession session, Guid sessionId, Guid itemId, int page, CancellationToken ct = default) =>
        await session.Query<BoardPosition>().Where(p => p.SessionId == sessionId && p.ItemId == itemId && !p.Withdrawn)
            .OrderBy(p => p.Id).Skip(page * PageSize).Take(PageSize).ToListAsync(ct);

    public static async Task<IReadOnlyList<BoardAttendee>> Attendees(IQuerySession session, Guid sessionId, int page, CancellationToken ct = default) =>
        await session.Query<BoardAttendee>().Where(a => a.SessionId == sessionId && a.Present)
            .OrderBy(a => a.Id).Skip(page * PageSize).Take(PageSize).ToListAsync(ct);
}
