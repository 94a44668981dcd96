using Forum.Domain.Forums;
using Forum.Domain.Sessions;
using Forum.Projections.Sessions;
using JasperFx.Events;

namespace Forum.Host.Live;

public sealed record PositionChange(Guid ItemId, Guid MemberId, BoardPosition? Position);
public sealed record AttendeeChange(Guid MemberId, BoardAttendee? Attendee);

/// <summary>
/// What changed on a board between two versions: the small parts whole (status, attendance, quorum, hands, floor,
/// agenda order, RSVP counts), and only the touched items, positions and attendees — with their values as of <see cref="ToVersion"/>.
/// Applying a change is idempotent, so a client at any version in [FromVersion, ToVersion) may apply it.
/// </summary>
public sealed record BoardChange(
    long FromVersion,
    long ToVersion,
    SessionStatus Status,
    Guid? CurrentItemId,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Venue,
    string OnlineUrl,
    string? CancelReason,
    Dictionary<StakeholderGroup, Dictionary<Presence, int>> Attendance,
    Quorum? Quorum,
    List<Hand> Hands,
    FloorHolder? Floor,
    Dictionary<StakeholderGroup, double> SpeakingSeconds,
    Dictionary<StakeholderGroup, Dictionary<RsvpAnswer, int>> Rsvp,
    Dictionary<StakeholderGroup, int> RsvpPending,
    List<Guid> AgendaOrder,
    List<BoardItem> Items,
    List<PositionChange> Positions,
    List<AttendeeChange> Attendees)
{
    public static BoardChange Between(SessionBoard board, long fromVersion, IReadOnlyList<IEvent> events)
    {
        var items = new HashSet<Guid>();
        var positions = new HashSet<(Guid Item, Guid Member)>();
        var attendees = new HashSet<Guid>();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case PositionSubmitted p: items.Add(p.ItemId); positions.Add((p.ItemId, p.MemberId)); break;
                case PositionWithdrawn p: items.Add(p.ItemId); positions.Add((p.ItemId, p.MemberId)); break;
                case ParticipantCheckedIn c: attendees.Add(c.MemberId); break;
                case ParticipantLeft l: attendees.Add(l.MemberId); break;
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
        }
        var byId = board.Agenda.ToDictionary(i => i.ItemId);
        return new BoardChange(fromVersion, board.Version, board.Status, board.CurrentItemId, board.Title, board.StartsAt, board.EndsAt,
            board.Venue, board.OnlineUrl, board.CancelReason, board.Attendance, board.Quorum, board.Hands, board.Floor, board.SpeakingSeconds,
            board.Rsvp, board.RsvpPending,
            board.Agenda.Select(i => i.ItemId).ToList(),
            items.Where(byId.ContainsKey).Select(id => WithoutPositions(byId[id])).ToList(),
            positions.Select(p => new PositionChange(p.Item, p.Member, byId.GetValueOrDefault(p.Item)?.Positions.GetValueOrDefault(p.Member))).ToList(),
            attendees.Select(m => new AttendeeChange(m, board.Attendees.GetValueOrDefault(m))).ToList());
    }

    // Positions travel one by one in Positions; an item header stays small however many members there are.
    private static BoardItem WithoutPositions(BoardItem i) => new()
    {
        ItemId = i.ItemId, Title = i.Title, Description = i.Description, Kind = i.Kind, Presenter = i.Presenter, Minutes = i.Minutes,
        Status = i.Status, Proposal = i.Proposal, ProposalRevision = i.ProposalRevision, Tally = i.Tally, TallyByGroup = i.TallyByGroup,
        Decision = i.Decision, ActionPoints = i.ActionPoints, OpenedAt = i.OpenedAt, ClosedAt = i.ClosedAt,
    };
}
