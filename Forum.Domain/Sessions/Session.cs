using System.Collections.Immutable;
using Forum.Domain.Forums;

namespace Forum.Domain.Sessions;

/// <summary>
/// A member's position on an item as it stands (or stood, when withdrawn). At is when it was accepted: a submission accepted
/// before it is older news and never replaces it (ADR 0013). Not part of <see cref="SessionState"/>: a room of positions
/// must not grow the state every command loads; the host reads the positions a rule needs (PositionRules, DecisionRules).
/// </summary>
public sealed record PositionState(Stance Stance, string Statement, DateTimeOffset At, bool Withdrawn = false);

public sealed record ItemState(Guid ItemId, string Title, string Description, ItemKind Kind, string Presenter, int Minutes, ItemStatus Status,
    string? Proposal, int ProposalRevision, bool Decided)
{
    /// <summary>A vote is open on the item (ballots are parts of the board, not of this state).</summary>
    public bool VoteOpen { get; init; }
    /// <summary>The vote held on the item, once closed.</summary>
    public VoteClosed? Vote { get; init; }
}

public sealed record InvitationState(Guid InvitationId, Guid? MemberId, string Name, string Email, StakeholderGroup Group, MemberRole Role,
    DateTimeOffset InvitedAt, RsvpAnswer? Answer = null, DateTimeOffset? AnsweredAt = null)
{
    public bool Guest => MemberId is null;
}

public sealed record Attendee(Guid MemberId, string Name, StakeholderGroup Group, MemberRole Role, Presence Presence)
{
    public bool Votes => Role == MemberRole.Member;
}

/// <summary>
/// The session stream folded into what its rules need. Kept as an inline snapshot, so a write loads one document
/// instead of replaying the stream (a session may hold tens of thousands of events). Positions are not in it (see
/// <see cref="PositionState"/>), so Marten leaves this document alone when a batch of positions is appended: its
/// <see cref="Version"/> is the last event it folded, not the stream's.
/// </summary>
public sealed record SessionState(
    Guid Id,
    Guid ForumId,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    SessionMode Mode,
    string Venue,
    string OnlineUrl,
    string Language,
    SessionStatus Status,
    ImmutableList<ItemState> Agenda,
    Guid? CurrentItemId,
    ImmutableDictionary<Guid, Attendee> Present,
    ImmutableList<Guid> Hands,
    Guid? Floor,
    DateTimeOffset? FloorSince,
    ImmutableDictionary<StakeholderGroup, int> VotingMembers,
    ForumRules Rules,
    ImmutableList<Guid> CoChairs)
{
    public long Version { get; set; }

    /// <summary>Who is invited, by invitation id (ParticipantInvited, InvitationAnswered).</summary>
    public ImmutableDictionary<Guid, InvitationState> Invitations { get; init; } = ImmutableDictionary<Guid, InvitationState>.Empty;

    /// <summary>The iCalendar SEQUENCE of the session's invitations: raised by each reschedule and by the cancel (RFC 5545 3.8.7.4).</summary>
    public int Sequence { get; init; }

    public static SessionState Create(SessionScheduled e) =>
        new(e.SessionId, e.ForumId, e.Title, e.StartsAt, e.EndsAt, e.Mode, e.Venue, e.OnlineUrl, e.Language, SessionStatus.Scheduled,
            ImmutableList<ItemState>.Empty, null, ImmutableDictionary<Guid, Attendee>.Empty, ImmutableList<Guid>.Empty, null, null,
            ImmutableDictionary<StakeholderGroup, int>.Empty, ForumRules.Default, ImmutableList<Guid>.Empty);

    public SessionState Apply(SessionRescheduled e) =>
        this with { StartsAt = e.StartsAt, EndsAt = e.EndsAt, Venue = e.Venue, OnlineUrl = e.OnlineUrl, Sequence = Sequence + 1 };
    public SessionState Apply(SessionCancelled _) => this with { Status = SessionStatus.Cancelled, Sequence = Sequence + 1 };

    public SessionState Apply(ParticipantInvited e) => this with
    {
        Invitations = Invitations.SetItem(e.InvitationId, new InvitationState(e.InvitationId, e.MemberId, e.Name, e.Email, e.Group, e.Role, e.At)),
    };

    public SessionState Apply(InvitationAnswered e) =>
        Invitations.TryGetValue(e.InvitationId, out var i)
            ? this with { Invitations = Invitations.SetItem(e.InvitationId, i with { Answer = e.Answer, AnsweredAt = e.At }) }
            : this;

    public InvitationState? InvitationFor(string email) => Invitations.Values.FirstOrDefault(i => i.Email == email);

    public SessionState Apply(AgendaItemAdded e) => this with
    {
        Agenda = Agenda.Add(new ItemState(e.ItemId, e.Title, e.Description, e.Kind, e.Presenter, e.Minutes, ItemStatus.Pending, null, 0, false)),
    };

    public SessionState Apply(AgendaItemAmended e) =>
        WithItem(e.ItemId, i => i with { Title = e.Title, Description = e.Description, Kind = e.Kind, Presenter = e.Presenter, Minutes = e.Minutes });

    public SessionState Apply(AgendaReordered e) => this with
    {
        Agenda = Agenda.OrderBy(i => e.ItemIds.ToList().IndexOf(i.ItemId) is var at && at < 0 ? int.MaxValue : at).ToImmutableList(),
    };

    public SessionState Apply(AgendaItemWithdrawn e) => WithItem(e.ItemId, i => i with { Status = ItemStatus.Withdrawn });

    public SessionState Apply(SessionOpened e) => this with
    {
        Status = SessionStatus.Open,
        VotingMembers = e.VotingMembers.ToImmutableDictionary(),
        Rules = e.Rules,
        CoChairs = e.CoChairs.ToImmutableList(),
    };

    public SessionState Apply(ParticipantCheckedIn e) =>
        this with { Present = Present.SetItem(e.MemberId, new Attendee(e.MemberId, e.Name, e.Group, e.Role, e.Presence)) };

    public SessionState Apply(ParticipantLeft e) => this with
    {
        Present = Present.Remove(e.MemberId),
        Hands = Hands.Remove(e.MemberId),
    };

    public SessionState Apply(AgendaItemOpened e) =>
        WithItem(e.ItemId, i => i with { Status = ItemStatus.Open }) with { CurrentItemId = e.ItemId };

    public SessionState Apply(ProposalTabled e) => WithItem(e.ItemId, i => i with { Proposal = e.Text, ProposalRevision = 0 });
    public SessionState Apply(ProposalRevised e) => WithItem(e.ItemId, i => i with { Proposal = e.Text, ProposalRevision = e.Revision });

    public SessionState Apply(HandRaised e) => this with { Hands = Hands.Add(e.MemberId) };
    public SessionState Apply(HandLowered e) => this with { Hands = Hands.Remove(e.MemberId) };
    public SessionState Apply(FloorGiven e) => this with { Floor = e.MemberId, FloorSince = e.At, Hands = Hands.Remove(e.MemberId) };
    public SessionState Apply(FloorYielded _) => this with { Floor = null, FloorSince = null };

    public SessionState Apply(DecisionRecorded e) => WithItem(e.ItemId, i => i with { Decided = true });
    public SessionState Apply(VotingMembersChanged e) => this with { VotingMembers = e.VotingMembers.ToImmutableDictionary() };
    public SessionState Apply(VoteOpened e) => WithItem(e.ItemId, i => i with { VoteOpen = true });
    public SessionState Apply(VoteClosed e) => WithItem(e.ItemId, i => i with { VoteOpen = false, Vote = e });
    public SessionState Apply(AgendaItemClosed e) => WithItem(e.ItemId, i => i with { Status = ItemStatus.Closed }) with { CurrentItemId = null };
    public SessionState Apply(SessionClosed _) => this with { Status = SessionStatus.Closed, Hands = ImmutableList<Guid>.Empty };

    public ItemState? Item(Guid itemId) => Agenda.FirstOrDefault(i => i.ItemId == itemId);

    private SessionState WithItem(Guid itemId, Func<ItemState, ItemState> change)
    {
        var index = Agenda.FindIndex(i => i.ItemId == itemId);
        return index < 0 ? this : this with { Agenda = Agenda.SetItem(index, change(Agenda[index])) };
    }
}
