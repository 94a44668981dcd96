using Forum.Domain.Sessions;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Forum.Projections.Sessions;

/// <summary>
/// Keeps <see cref="SessionBoard"/> inline (ADR 0013): per session in the commit, load the board and only the parts its new
/// events touch (<see cref="SessionBoard.PartsOf"/>), apply the events with the board's own Apply methods, then store
/// the board without its parts and each part that changed. So the cost of a batch of positions is those positions and
/// one small board, whatever the size of the room.
/// </summary>
public sealed class SessionBoardProjection : IProjection
{
    private static readonly string SessionEvents = typeof(SessionScheduled).Namespace!;

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var stream in events.Where(e => e.Data.GetType().Namespace == SessionEvents).GroupBy(e => e.StreamId))
        {
            var board = await Load(operations, stream.Key, stream.ToList(), cancellation);
            if (board is null) continue;
            foreach (var e in stream)
            {
                if (e.Data is SessionScheduled) continue;
                board.Apply(e.Data, e.Version);
            }
            operations.Store(board.Stored());
            foreach (var part in board.Changed)
                switch (part)
                {
                    case BoardAttendee a: operations.Store(a); break;
                    case BoardPosition p: operations.Store(p); break;
                    case BoardInvitee i: operations.Store(i); break;
                }
        }
    }

    /// <summary>The board with the parts these events touch, ready to apply them.</summary>
    public static async Task<SessionBoard?> Load(IQuerySession session, Guid sessionId, IReadOnlyList<IEvent> events, CancellationToken ct)
    {
        var board = events[0].Data is SessionScheduled scheduled
            ? SessionBoard.Create(scheduled)
            : await session.LoadAsync<SessionBoard>(sessionId, ct);
        if (board is null) return null;
        if (events[0].Data is SessionScheduled) board.Version = events[0].Version;
        var parts = events.SelectMany(e => SessionBoard.PartsOf(e.Data)).Distinct().ToList();
        await Fill(session, board, parts, ct);
        return board;
    }

    /// <summary>Loads the named parts of a board into it (one query per kind).</summary>
    public static async Task Fill(IQuerySession session, SessionBoard board, IReadOnlyCollection<BoardPart> parts, CancellationToken ct)
    {
        string[] Keys(BoardPartKind kind) => parts.Where(p => p.Kind == kind).Select(p => p.Key(board.Id)).Distinct().ToArray();
        if (Keys(BoardPartKind.Attendee) is { Length: > 0 } attendees)
            foreach (var a in await session.LoadManyAsync<BoardAttendee>(ct, attendees)) board.Attendees[a.MemberId] = a;
        if (Keys(BoardPartKind.Invitee) is { Length: > 0 } invitees)
            foreach (var i in await session.LoadManyAsync<BoardInvitee>(ct, invitees)) board.Invitees[i.InvitationId] = i;
        if (Keys(BoardPartKind.Position) is { Length: > 0 } positions)
        {
            var items = board.Agenda.ToDictionary(i => i.ItemId);
            foreach (var p in await session.LoadManyAsync<BoardPosition>(ct, positions))
                if (items.TryGetValue(p.ItemId, out var item)) item.Positions[p.MemberId] = p;
        }
    }
}
