using Forum.Domain.Forums;
using Forum.Domain.Sessions;
using JasperFx.Events;

namespace Forum.Host.Sessions.Replay;

/// <summary>
/// One thing that happened in the room, at one version of the session stream: enough for a scrubber to label its track
/// ("Olena Koval checked in, InRoom"; "Decision: ConsensusWithReservations"). What the room saw at that moment is the
/// board at that version (<c>GET /api/sessions/{id}?version=</c>). No e-mail address ever: an invitation shows a name.
/// </summary>
public sealed record Moment(long Version, DateTimeOffset At, string Kind, Guid? ItemId = null, Guid? MemberId = null, string? Name = null, string? Value = null)
{
    public static Moment Of(IEvent e, ForumState forum, SessionState session)
    {
        string? Member(Guid id) => forum.Members.GetValueOrDefault(id)?.Name;
        string? Item(Guid id) => session.Agenda.FirstOrDefault(i => i.ItemId == id)?.Title;
        var v = e.Version;
        var kind = e.Data.GetType().Name;
        return e.Data switch
        {
            SessionScheduled x => new(v, x.At, kind, Value: x.Title),
            SessionRescheduled x => new(v, x.At, kind, Value: x.StartsAt.ToString("O")),
            SessionCancelled x => new(v, x.At, kind, Value: x.Reason),
            ParticipantInvited x => new(v, x.At, kind, MemberId: x.MemberId, Name: x.Name),
            InvitationAnswered x => new(v, x.At, kind, Name: session.Invitations.GetValueOrDefault(x.InvitationId)?.Name, Value: x.Answer.ToString()),
            AgendaItemAdded x => new(v, x.At, kind, x.ItemId, Value: x.Title),
            AgendaItemAmended x => new(v, x.At, kind, x.ItemId, Value: x.Title),
            AgendaReordered x => new(v, x.At, kind),
            AgendaItemWithdrawn x => new(v, x.At, kind, x.ItemId, Value: Item(x.ItemId)),
            SessionOpened x => new(v, x.At, kind),
            ParticipantCheckedIn x => new(v, x.At, kind, MemberId: x.MemberId, Name: x.Name, Value: x.Presence.ToString()),
            ParticipantLeft x => new(v, x.At, kind, MemberId: x.MemberId, Name: Member(x.MemberId)),
            AgendaItemOpened x => new(v, x.At, kind, x.ItemId, Value: Item(x.ItemId)),
            ProposalTabled x => new(v, x.At, kind, x.ItemId, Value: x.Text),
            ProposalRevised x => new(v, x.At, kind, x.ItemId, Value: x.Text),
            PositionSubmitted x => new(v, x.At, kind, x.ItemId, x.MemberId, Member(x.MemberId), x.Stance.ToString()),
            PositionWithdrawn x => new(v, x.At, kind, x.ItemId, x.MemberId, Member(x.MemberId)),
            HandRaised x => new(v, x.At, kind, MemberId: x.MemberId, Name: Member(x.MemberId)),
            HandLowered x => new(v, x.At, kind, MemberId: x.MemberId, Name: Member(x.MemberId)),
            FloorGiven x => new(v, x.At, kind, MemberId: x.MemberId, Name: Member(x.MemberId)),
            FloorYielded x => new(v, x.At, kind, MemberId: x.MemberId, Name: Member(x.MemberId), Value: Math.Round(x.Seconds).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            DecisionRecorded x => new(v, x.At, kind, x.ItemId, Value: x.Outcome.ToString()),
            ActionPointAssigned x => new(v, x.At, kind, x.ItemId, x.OwnerMemberId, x.OwnerName, x.Description),
            AgendaItemClosed x => new(v, x.At, kind, x.ItemId, Value: Item(x.ItemId)),
            SessionClosed x => new(v, x.At, kind),
            // An event this list does not know yet (the stream grows): its kind and time, none of its data.
            _ => new(v, e.Timestamp, kind),
        };
    }

    /// <summary>What a scrubber marks on its track: where the room's business moved on.</summary>
    public static readonly Type[] Landmarks =
    [
        typeof(SessionOpened), typeof(AgendaItemOpened), typeof(ProposalTabled), typeof(ProposalRevised), typeof(DecisionRecorded),
        typeof(AgendaItemClosed), typeof(SessionClosed), typeof(SessionCancelled),
    ];
}
