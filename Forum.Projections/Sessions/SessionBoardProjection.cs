using Forum.Domain.Forums;
using Forum.Domain.Sessions;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Marten.Services.BatchQuerying;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;

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
                    case BoardBallot b: operations.Store(b); break;
                }
        }
    }

    /// <summary>Boards a writer read under their session's lock in the round trip that took it, per session of its transaction (ADR 0031).</summary>
    private static readonly ConditionalWeakTable<IQuerySession, Dictionary<Guid, (SessionBoard Board, HashSet<BoardPart> Parts)>> ReadUnderLock = new();

    /// <summary>
    /// Puts the board and the named parts into <paramref name="batch"/>, which the caller runs under the session's lock in
    /// <paramref name="session"/>'s transaction; once it ran, what it returns gives the board with those parts, and this
    /// projection applies the transaction's events to that board instead of reading it again (ADR 0031). The caller only
    /// reads it: the projection changes it.
    /// </summary>
    public static Func<Task<SessionBoard?>> ReadWithLock(IDocumentSession session, IBatchedQuery batch, Guid sessionId, IReadOnlyCollection<BoardPart> parts)
    {
        var stored = batch.Load<SessionBoard>(sessionId);
        var loading = Queue(batch, sessionId, parts);
        return async () =>
        {
            if (await stored is not { } board) return null;
            await loading(board);
            lock (ReadUnderLock) ReadUnderLock.GetOrCreateValue(session)[sessionId] = (board, parts.ToHashSet());
            return board;
        };
    }

    /// <summary>The board with the parts these events touch, ready to apply them (one round trip: the board and its parts together).</summary>
    public static async Task<SessionBoard?> Load(IQuerySession session, Guid sessionId, IReadOnlyList<IEvent> events, CancellationToken ct)
    {
        var parts = events.SelectMany(e => SessionBoard.PartsOf(e.Data)).Distinct().ToList();
        // Read under the lock in this transaction, as the board stood just before these events and with every part they touch.
        lock (ReadUnderLock)
            if (ReadUnderLock.TryGetValue(session, out var read) && read.Remove(sessionId, out var held)
                && held.Board.Version == events[0].Version - 1 && parts.All(held.Parts.Contains))
                return held.Board;
        if (events[0].Data is SessionScheduled scheduled)
        {
            var created = SessionBoard.Create(scheduled);
            created.Version = events[0].Version;
            await Fill(session, created, parts, ct);
            return created;
        }
        var batch = session.CreateBatchQuery();
        var stored = batch.Load<SessionBoard>(sessionId);
        var loading = Queue(batch, sessionId, parts);
        await batch.Execute(ct);
        var board = await stored;
        if (board is not null) await loading(board);
        return board;
    }

    /// <summary>Loads the named parts of a board into it (one round trip for all their kinds).</summary>
    public static async Task Fill(IQuerySession session, SessionBoard board, IReadOnlyCollection<BoardPart> parts, CancellationToken ct)
    {
        if (parts.Count == 0) return;
        var batch = session.CreateBatchQuery();
        var loading = Queue(batch, board.Id, parts);
        await batch.Execute(ct);
        await loading(board);
    }

    /// <summary>Puts the reads of the named parts into <paramref name="batch"/>; what it returns places them on the board once it ran.</summary>
    private static Func<SessionBoard, Task> Queue(IBatchedQuery batch, Guid sessionId, IReadOnlyCollection<BoardPart> parts)
    {
        Task<IReadOnlyList<T>>? Many<T>(BoardPartKind kind) where T : class =>
            parts.Where(p => p.Kind == kind).Select(p => p.Key(sessionId)).Distinct().ToArray() is { Length: > 0 } keys ? batch.LoadMany<T>().ById(keys) : null;
        var attendees = Many<BoardAttendee>(BoardPartKind.Attendee);
        var invitees = Many<BoardInvitee>(BoardPartKind.Invitee);
        var ballots = Many<BoardBallot>(BoardPartKind.Ballot);
        var positions = Many<BoardPosition>(BoardPartKind.Position);
        return async board =>
        {
            var items = board.Agenda.ToDictionary(i => i.ItemId);
            if (attendees is not null) foreach (var a in await attendees) board.Attendees[a.MemberId] = a;
            if (invitees is not null) foreach (var i in await invitees) board.Invitees[i.InvitationId] = i;
            if (ballots is not null)
                foreach (var b in await ballots)
                    if (items.TryGetValue(b.ItemId, out var item)) item.Ballots[b.MemberId] = b;
            if (positions is not null)
                foreach (var p in await positions)
                    if (items.TryGetValue(p.ItemId, out var item)) item.Positions[p.MemberId] = p;
        };
    }
}

/// <summary>
/// An item's counts as a push carries them: its positions by group and stance (the item's tally is their sum: a client
/// adds them up, ADR 0032), and its vote round's running count when it has one.
/// </summary>
public sealed record ItemTally(
    Guid ItemId,
    Dictionary<StakeholderGroup, Dictionary<Stance, int>> TallyByGroup,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BoardVote? Vote);

/// <summary>
/// A position as a push carries it to every screen: what a screen shows and merges by (item, member, version), without
/// the part's store keys (the session is the push's own argument) or its earlier stances (the minutes' concern); flags
/// and counts at their defaults are left out (ADR 0032). A push goes to each of a room's screens, so each byte here is
/// sent two thousand times.
/// </summary>
public sealed record PushedPosition(
    Guid ItemId,
    Guid MemberId,
    string Name,
    StakeholderGroup Group,
    Stance Stance,
    string Statement,
    DateTimeOffset At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Revision,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool RecordedBySecretariat,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Withdrawn,
    long Version)
{
    public static PushedPosition Of(BoardPosition p) =>
        new(p.ItemId, p.MemberId, p.Name, p.Group, p.Stance, p.Statement, p.At, p.Revision, p.RecordedBySecretariat, p.Withdrawn, p.Version);
}

/// <summary>
/// What changed on a board between two versions, as the projection left it (ADR 0013): only what the events touched.
/// A batch of positions pushes those positions and their items' tallies; anything else also pushes the board's own small
/// parts (<see cref="Header"/>, without its agenda), the agenda order and the touched item headers. Each part carries the
/// version it changed at and applying a change is idempotent, so a client at any version in [FromVersion, ToVersion)
/// may apply it, and pages of positions or attendees read at another version merge by their own versions.
/// </summary>
public sealed record BoardChange(
    long FromVersion,
    long ToVersion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SessionBoard? Header,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<Guid>? AgendaOrder,
    List<BoardItem> Items,
    List<ItemTally> Tallies,
    List<PushedPosition> Positions,
    List<BoardAttendee> Attendees)
{
    /// <param name="board">The board (as stored) at the span's end.</param>
    /// <param name="events">The events of the span, in order.</param>
    /// <param name="parts">The newest stored form of the parts those events touched, by id.</param>
    public static BoardChange Between(SessionBoard board, long fromVersion, IEnumerable<object> events, IReadOnlyDictionary<string, object> parts)
    {
        var headerChanged = false;
        var items = new HashSet<Guid>();
        var tallies = new HashSet<Guid>();
        var touched = new HashSet<string>();
        foreach (var e in events)
        {
            foreach (var part in SessionBoard.PartsOf(e)) touched.Add(part.Key(board.Id));
            switch (e)
            {
                case PositionSubmitted p: tallies.Add(p.ItemId); continue;
                case PositionWithdrawn p: tallies.Add(p.ItemId); continue;
                case VoteCast v: tallies.Add(v.ItemId); continue;
                case VoteOpened x: items.Add(x.ItemId); break;
                case VoteClosed x: items.Add(x.ItemId); break;
                case AgendaReordered: items.UnionWith(board.Agenda.Select(i => i.ItemId)); break;
                case AgendaItemAdded x: items.Add(x.ItemId); break;
                case AgendaItemAmended x: items.Add(x.ItemId); break;
                case AgendaItemLinked x: items.Add(x.ItemId); break;
                case AgendaItemWithdrawn x: items.Add(x.ItemId); break;
                case AgendaItemOpened x: items.Add(x.ItemId); break;
                case ProposalTabled x: items.Add(x.ItemId); break;
                case ProposalRevised x: items.Add(x.ItemId); break;
                case DecisionRecorded x: items.Add(x.ItemId); break;
                case ActionPointAssigned x: items.Add(x.ItemId); break;
                case AgendaItemClosed x: items.Add(x.ItemId); break;
            }
            headerChanged = true;
        }
        var byId = board.Agenda.ToDictionary(i => i.ItemId);
        var header = headerChanged ? board.Stored() : null;
        if (header is not null) header.Agenda = [];
        var touchedParts = touched.Select(k => parts.GetValueOrDefault(k)).Where(p => p is not null).ToList();
        return new BoardChange(fromVersion, board.Version, header,
            headerChanged ? board.Agenda.Select(i => i.ItemId).ToList() : null,
            items.Where(byId.ContainsKey).Select(id => SessionBoard.WithoutParts(byId[id])).ToList(),
            tallies.Where(byId.ContainsKey).Select(id => new ItemTally(id, byId[id].TallyByGroup, byId[id].Vote)).ToList(),
            touchedParts.OfType<BoardPosition>().Select(PushedPosition.Of).ToList(),
            touchedParts.OfType<BoardAttendee>().ToList());
    }
}
