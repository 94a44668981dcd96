using Forum.Domain.Forums;
using Forum.Domain.Sessions;

namespace Forum.Projections.Sessions;

public sealed record ItemTally(Guid ItemId, Dictionary<Stance, int> Tally, Dictionary<StakeholderGroup, Dictionary<Stance, int>> TallyByGroup);

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
    SessionBoard? Header,
    List<Guid>? AgendaOrder,
    List<BoardItem> Items,
    List<ItemTally> Tallies,
    List<BoardPosition> Positions,
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
                case AgendaReordered: items.UnionWith(board.Agenda.Select(i => i.ItemId)); break;
                case AgendaItemAdded x: items.Add(x.ItemId); break;
                case AgendaItemAmended x: items.Add(x.ItemId); break;
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
            tallies.Where(byId.ContainsKey).Select(id => new ItemTally(id, byId[id].Tally, byId[id].TallyByGroup)).ToList(),
            touchedParts.OfType<BoardPosition>().ToList(),
            touchedParts.OfType<BoardAttendee>().ToList());
    }
}
