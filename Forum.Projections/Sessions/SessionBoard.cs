using System.Text.Json.Serialization;
using Forum.Domain.Forums;
using Forum.Domain.Sessions;

namespace Forum.Projections.Sessions;

/// <summary>A member present in (or gone from) the session. One document per session and member (ADR 0013).</summary>
public sealed class BoardAttendee
{
    public string Id { get; set; } = "";
    public Guid SessionId { get; set; }
    public Guid MemberId { get; set; }
    public string Name { get; set; } = "";
    public StakeholderGroup Group { get; set; }
    public MemberRole Role { get; set; }
    public Presence Presence { get; set; }
    /// <summary>Checked in by the secretariat for someone in the room (who did it is on the event, never on the board).</summary>
    public bool RecordedBySecretariat { get; set; }
    public DateTimeOffset CheckedInAt { get; set; }
    public bool Present { get; set; } = true;
    public DateTimeOffset? LeftAt { get; set; }
    /// <summary>The session version at which this last changed: a client merging pages and pushes keeps the newer.</summary>
    public long Version { get; set; }
}

/// <summary>A member's position on one item, as it stands. One document per session, item and member (ADR 0013).</summary>
public sealed class BoardPosition
{
    public string Id { get; set; } = "";
    public Guid SessionId { get; set; }
    public Guid ItemId { get; set; }
    public Guid MemberId { get; set; }
    public string Name { get; set; } = "";
    public StakeholderGroup Group { get; set; }
    public Stance Stance { get; set; }
    public string Statement { get; set; } = "";
    public bool RecordedBySecretariat { get; set; }
    /// <summary>When it was accepted (PositionSubmitted.At).</summary>
    public DateTimeOffset At { get; set; }
    /// <summary>How many times this member has revised their position on this item (0 for the first).</summary>
    public int Revision { get; set; }
    /// <summary>The stances this member took before, oldest first (the minutes list them).</summary>
    public List<Stance> Earlier { get; set; } = [];
    /// <summary>Withdrawn positions stay, so a late submission accepted before the withdrawal cannot bring them back.</summary>
    public bool Withdrawn { get; set; }
    public long Version { get; set; }

    /// <summary>The position as the rules see it.</summary>
    public PositionState AsState() => new(Stance, Statement, At, Withdrawn);
}

/// <summary>An invitee as the room counts them: no e-mail address. One document per invitation.</summary>
public sealed class BoardInvitee
{
    public string Id { get; set; } = "";
    public Guid SessionId { get; set; }
    public Guid InvitationId { get; set; }
    public Guid? MemberId { get; set; }
    public string Name { get; set; } = "";
    public StakeholderGroup Group { get; set; }
    public bool Guest { get; set; }
    public RsvpAnswer? Answer { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public long Version { get; set; }
}

/// <summary>A member's vote in a vote round: a part of the board, never shown on it (the board shows counts by group).</summary>
public sealed class BoardBallot
{
    public string Id { get; set; } = "";
    public Guid SessionId { get; set; }
    public Guid ItemId { get; set; }
    public Guid MemberId { get; set; }
    public StakeholderGroup Group { get; set; }
    public VoteChoice Choice { get; set; }
    public DateTimeOffset At { get; set; }
    public long Version { get; set; }
}

/// <summary>A vote round on an item: open with its running count by group, then its result.</summary>
public sealed class BoardVote
{
    public string Question { get; set; } = "";
    public bool Open { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public Dictionary<StakeholderGroup, Dictionary<VoteChoice, int>> ByGroup { get; set; } =
        Enum.GetValues<StakeholderGroup>().ToDictionary(g => g, _ => Enum.GetValues<VoteChoice>().ToDictionary(v => v, _ => 0));
    public int Cast { get; set; }
    public VoteClosed? Result { get; set; }
}

public sealed class BoardDecision
{
    public Outcome Outcome { get; set; }
    public string Text { get; set; } = "";
    public List<ObjectionOnRecord> Objections { get; set; } = [];
    public List<PresentMember> Present { get; set; } = [];
    public Quorum Quorum { get; set; } = null!;
    public Dictionary<Stance, int> Tally { get; set; } = [];
    public DateTimeOffset At { get; set; }
    public long Version { get; set; }
}

public sealed record BoardProposal(int Revision, string Text, DateTimeOffset At);

public sealed class BoardItem
{
    public Guid ItemId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public ItemKind Kind { get; set; }
    public string Presenter { get; set; } = "";
    public int Minutes { get; set; }
    public ItemStatus Status { get; set; }
    public string WithdrawnReason { get; set; } = "";
    public string? Proposal { get; set; }
    public int ProposalRevision { get; set; }
    public Dictionary<Stance, int> Tally { get; set; } = [];
    public Dictionary<StakeholderGroup, Dictionary<Stance, int>> TallyByGroup { get; set; } = [];
    public BoardDecision? Decision { get; set; }
    public List<ActionPoint> ActionPoints { get; set; } = [];
    public BoardVote? Vote { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>The members' ballots in the item's vote round: parts, stored apart and never on the board.</summary>
    [JsonIgnore] public Dictionary<Guid, BoardBallot> Ballots { get; set; } = [];
    /// <summary>The members' positions: stored one by one, not in the board (<see cref="SessionBoard.Stored"/>); filled on a replay
    /// and, for the item in front of the room, on a join.</summary>
    public Dictionary<Guid, BoardPosition> Positions { get; set; } = [];
    /// <summary>Every text the proposal had, for the minutes: kept by a replay only.</summary>
    [JsonIgnore] public List<BoardProposal> Proposals { get; set; } = [];

    public void Count(StakeholderGroup group, Stance stance, int delta)
    {
        Tally[stance] = Tally.GetValueOrDefault(stance) + delta;
        if (!TallyByGroup.TryGetValue(group, out var byGroup)) TallyByGroup[group] = byGroup = [];
        byGroup[stance] = byGroup.GetValueOrDefault(stance) + delta;
    }
}

public sealed class Hand
{
    public Guid MemberId { get; set; }
    public string Name { get; set; } = "";
    public StakeholderGroup Group { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
}

public sealed class FloorHolder
{
    public Guid MemberId { get; set; }
    public string Name { get; set; } = "";
    public StakeholderGroup Group { get; set; }
    public DateTimeOffset Since { get; set; }
}

/// <summary>
/// What the room sees, per session: the one fold of the session stream for reading (ADR 0013). The board itself holds
/// what does not grow with the room — status, agenda with tallies, attendance counts, quorum, hands and floor, speaking
/// time, RSVP counts — and carries the stream version it reflects. Attendees, positions and invitees are parts of it,
/// each stored as its own small document, so a batch of positions writes those positions and this header, not the room.
/// <see cref="SessionBoardProjection"/> keeps it inline (a writer's change is visible at once); the same Apply methods
/// replay it whole in memory for "the board at version N" and for the minutes. Every figure derives from the events' own
/// times, so a rebuild never rewrites history.
/// </summary>
public sealed class SessionBoard
{
    public Guid Id { get; set; }
    public Guid ForumId { get; set; }
    public long Version { get; set; }
    public string Title { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public SessionMode Mode { get; set; }
    public string Venue { get; set; } = "";
    public string OnlineUrl { get; set; } = "";
    public string Language { get; set; } = "";
    public SessionStatus Status { get; set; }
    public string? CancelReason { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public Guid? CurrentItemId { get; set; }
    public List<BoardItem> Agenda { get; set; } = [];
    public Dictionary<StakeholderGroup, Dictionary<Presence, int>> Attendance { get; set; } = NewAttendance();
    /// <summary>Voting members present, by group: whose positions a co-chair is waiting for.</summary>
    public Dictionary<StakeholderGroup, int> VotingPresent { get; set; } = ByGroup();
    /// <summary>Everyone who checked in at some moment, by group (those who left included).</summary>
    public Dictionary<StakeholderGroup, int> Attended { get; set; } = ByGroup();
    public Dictionary<StakeholderGroup, int> VotingMembers { get; set; } = [];
    public ForumRules Rules { get; set; } = ForumRules.Default;
    public List<Guid> CoChairs { get; set; } = [];
    public Quorum? Quorum { get; set; }
    /// <summary>The quorum at the moment the most voting members were present (the minutes report it).</summary>
    public Quorum? FullestQuorum { get; set; }
    public List<Hand> Hands { get; set; } = [];
    public FloorHolder? Floor { get; set; }
    public Dictionary<StakeholderGroup, double> SpeakingSeconds { get; set; } = [];
    /// <summary>Answers by stakeholder group; those who have not answered are in <see cref="RsvpPending"/>.</summary>
    public Dictionary<StakeholderGroup, Dictionary<RsvpAnswer, int>> Rsvp { get; set; } = NewRsvp();
    public Dictionary<StakeholderGroup, int> RsvpPending { get; set; } = ByGroup();
    public int Invited { get; set; }

    /// <summary>Parts stored apart (see <see cref="Stored"/>); complete after a replay, and holding what was loaded inline.</summary>
    public Dictionary<Guid, BoardAttendee> Attendees { get; set; } = [];
    [JsonIgnore] public Dictionary<Guid, BoardInvitee> Invitees { get; set; } = [];
    /// <summary>The parts the events applied since loading changed: what the projection stores, and what a push carries.</summary>
    [JsonIgnore] public HashSet<object> Changed { get; } = new(ReferenceEqualityComparer.Instance);

    public static SessionBoard Create(SessionScheduled e) => new()
    {
        Id = e.SessionId, ForumId = e.ForumId, Title = e.Title, StartsAt = e.StartsAt, EndsAt = e.EndsAt, Mode = e.Mode,
        Venue = e.Venue, OnlineUrl = e.OnlineUrl, Language = e.Language, Status = SessionStatus.Scheduled,
    };

    /// <summary>The board as stored: the same header, its parts left out (they are documents of their own).</summary>
    public SessionBoard Stored() => new()
    {
        Id = Id, ForumId = ForumId, Version = Version, Title = Title, StartsAt = StartsAt, EndsAt = EndsAt, Mode = Mode, Venue = Venue,
        OnlineUrl = OnlineUrl, Language = Language, Status = Status, CancelReason = CancelReason, OpenedAt = OpenedAt, ClosedAt = ClosedAt,
        CurrentItemId = CurrentItemId, Agenda = Agenda.Select(WithoutParts).ToList(), Attendance = Attendance, VotingPresent = VotingPresent,
        Attended = Attended, VotingMembers = VotingMembers, Rules = Rules, CoChairs = CoChairs, Quorum = Quorum, FullestQuorum = FullestQuorum,
        Hands = Hands, Floor = Floor, SpeakingSeconds = SpeakingSeconds, Rsvp = Rsvp, RsvpPending = RsvpPending, Invited = Invited,
    };

    public static BoardItem WithoutParts(BoardItem i) => new()
    {
        ItemId = i.ItemId, Title = i.Title, Description = i.Description, Kind = i.Kind, Presenter = i.Presenter, Minutes = i.Minutes,
        Status = i.Status, WithdrawnReason = i.WithdrawnReason, Proposal = i.Proposal, ProposalRevision = i.ProposalRevision, Tally = i.Tally,
        TallyByGroup = i.TallyByGroup, Decision = i.Decision, ActionPoints = i.ActionPoints, Vote = i.Vote, OpenedAt = i.OpenedAt, ClosedAt = i.ClosedAt,
    };

    public void Apply(SessionRescheduled e) { StartsAt = e.StartsAt; EndsAt = e.EndsAt; Venue = e.Venue; OnlineUrl = e.OnlineUrl; }
    public void Apply(SessionCancelled e) { Status = SessionStatus.Cancelled; CancelReason = e.Reason; }

    public void Apply(ParticipantInvited e)
    {
        var invitee = new BoardInvitee
        {
            Id = BoardKeys.Invitee(Id, e.InvitationId), SessionId = Id, InvitationId = e.InvitationId, MemberId = e.MemberId, Name = e.Name, Group = e.Group,
            Guest = e.MemberId is null,
        };
        Touch(Invitees[e.InvitationId] = invitee);
        Invited++;
        RsvpPending[e.Group] = RsvpPending.GetValueOrDefault(e.Group) + 1;
    }

    public void Apply(InvitationAnswered e)
    {
        if (!Invitees.TryGetValue(e.InvitationId, out var invitee)) return;
        if (invitee.Answer is { } before) Rsvp[invitee.Group][before]--;
        else RsvpPending[invitee.Group]--;
        Rsvp[invitee.Group][e.Answer]++;
        invitee.Answer = e.Answer;
        invitee.AnsweredAt = e.At;
        Touch(invitee);
    }

    public void Apply(AgendaItemAdded e) => Agenda.Add(new BoardItem
    {
        ItemId = e.ItemId, Title = e.Title, Description = e.Description, Kind = e.Kind, Presenter = e.Presenter, Minutes = e.Minutes, Status = ItemStatus.Pending,
    });

    public void Apply(AgendaItemAmended e)
    {
        var i = Item(e.ItemId);
        i.Title = e.Title; i.Description = e.Description; i.Kind = e.Kind; i.Presenter = e.Presenter; i.Minutes = e.Minutes;
    }

    public void Apply(AgendaReordered e) =>
        Agenda = Agenda.OrderBy(i => e.ItemIds.ToList().IndexOf(i.ItemId) is var at && at < 0 ? int.MaxValue : at).ToList();

    public void Apply(AgendaItemWithdrawn e)
    {
        var i = Item(e.ItemId);
        i.Status = ItemStatus.Withdrawn;
        i.WithdrawnReason = e.Reason;
    }

    public void Apply(SessionOpened e)
    {
        Status = SessionStatus.Open;
        OpenedAt = e.At;
        VotingMembers = e.VotingMembers.ToDictionary();
        Rules = e.Rules;
        CoChairs = e.CoChairs.ToList();
        Recount();
    }

    public void Apply(ParticipantCheckedIn e)
    {
        var again = Attendees.TryGetValue(e.MemberId, out var before) && before.Present;
        if (again) Count(before!, -1);
        else Attended[e.Group] = Attended.GetValueOrDefault(e.Group) + 1;
        // A change of role made on the forum's roster keeps the attendance as it was, in the new role.
        var byMembership = e.RecordedBy == Domain.Sessions.RunningTheRoom.RoomRules.ByMembership;
        var attendee = new BoardAttendee
        {
            Id = BoardKeys.Attendee(Id, e.MemberId), SessionId = Id, MemberId = e.MemberId, Name = e.Name, Group = e.Group, Role = e.Role,
            Presence = e.Presence, RecordedBySecretariat = byMembership && again ? before!.RecordedBySecretariat : e.RecordedBy is not null,
            CheckedInAt = byMembership && again ? before!.CheckedInAt : e.At,
        };
        Touch(Attendees[e.MemberId] = attendee);
        Count(attendee, +1);
        Recount();
    }

    public void Apply(ParticipantLeft e)
    {
        if (Attendees.TryGetValue(e.MemberId, out var a) && a.Present)
        {
            Count(a, -1);
            a.Present = false;
            a.LeftAt = e.At;
            Touch(a);
        }
        Hands.RemoveAll(h => h.MemberId == e.MemberId);
        Recount();
    }

    public void Apply(AgendaItemOpened e)
    {
        CurrentItemId = e.ItemId;
        var i = Item(e.ItemId);
        i.Status = ItemStatus.Open;
        i.OpenedAt = e.At;
    }

    public void Apply(ProposalTabled e)
    {
        var i = Item(e.ItemId);
        i.Proposal = e.Text; i.ProposalRevision = 0;
        i.Proposals.Add(new BoardProposal(0, e.Text, e.At));
    }

    public void Apply(ProposalRevised e)
    {
        var i = Item(e.ItemId);
        i.Proposal = e.Text; i.ProposalRevision = e.Revision;
        i.Proposals.Add(new BoardProposal(e.Revision, e.Text, e.At));
    }

    public void Apply(PositionSubmitted e)
    {
        var item = Item(e.ItemId);
        var who = Attendees.GetValueOrDefault(e.MemberId);
        if (!item.Positions.TryGetValue(e.MemberId, out var position))
        {
            item.Positions[e.MemberId] = position = new BoardPosition
            {
                Id = BoardKeys.Position(Id, e.ItemId, e.MemberId), SessionId = Id, ItemId = e.ItemId, MemberId = e.MemberId, Revision = -1,
            };
        }
        else
        {
            if (!position.Withdrawn) item.Count(position.Group, position.Stance, -1);
            position.Earlier.Add(position.Stance);
        }
        position.Name = who?.Name ?? position.Name;
        position.Group = who?.Group ?? (position.Name.Length > 0 ? position.Group : StakeholderGroup.Other);
        position.Stance = e.Stance;
        position.Statement = e.Statement;
        position.RecordedBySecretariat = e.RecordedBy is not null;
        position.At = e.At;
        position.Revision++;
        position.Withdrawn = false;
        item.Count(position.Group, position.Stance, +1);
        Touch(position);
    }

    public void Apply(PositionWithdrawn e)
    {
        var item = Item(e.ItemId);
        if (!item.Positions.TryGetValue(e.MemberId, out var position) || position.Withdrawn) return;
        item.Count(position.Group, position.Stance, -1);
        position.Withdrawn = true;
        position.At = e.At;
        Touch(position);
    }

    public void Apply(HandRaised e)
    {
        var who = Attendees.GetValueOrDefault(e.MemberId);
        Hands.Add(new Hand { MemberId = e.MemberId, Name = who?.Name ?? "", Group = who?.Group ?? StakeholderGroup.Other, RaisedAt = e.At });
    }

    public void Apply(HandLowered e) => Hands.RemoveAll(h => h.MemberId == e.MemberId);

    public void Apply(FloorGiven e)
    {
        var who = Attendees.GetValueOrDefault(e.MemberId);
        Hands.RemoveAll(h => h.MemberId == e.MemberId);
        Floor = new FloorHolder { MemberId = e.MemberId, Name = who?.Name ?? "", Group = who?.Group ?? StakeholderGroup.Other, Since = e.At };
    }

    public void Apply(FloorYielded e)
    {
        var group = Floor?.MemberId == e.MemberId ? Floor.Group : Attendees.GetValueOrDefault(e.MemberId)?.Group ?? StakeholderGroup.Other;
        SpeakingSeconds[group] = SpeakingSeconds.GetValueOrDefault(group) + e.Seconds;
        Floor = null;
    }

    public void Apply(DecisionRecorded e) => Item(e.ItemId).Decision = new BoardDecision
    {
        Outcome = e.Outcome, Text = e.Text, Objections = e.Objections.ToList(), Present = e.Present.ToList(), Quorum = e.Quorum,
        Tally = e.Tally.ToDictionary(), At = e.At, Version = _version,
    };

    public void Apply(VotingMembersChanged e)
    {
        VotingMembers = e.VotingMembers.ToDictionary();
        Recount();
    }

    public void Apply(VoteOpened e) => Item(e.ItemId).Vote = new BoardVote { Question = e.Question, Open = true, OpenedAt = e.At };

    public void Apply(VoteCast e)
    {
        var item = Item(e.ItemId);
        if (item.Vote is not { Open: true } vote) return;
        if (item.Ballots.TryGetValue(e.MemberId, out var ballot)) vote.ByGroup[ballot.Group][ballot.Choice]--;
        else
        {
            item.Ballots[e.MemberId] = ballot = new BoardBallot { Id = BoardKeys.Ballot(Id, e.ItemId, e.MemberId), SessionId = Id, ItemId = e.ItemId, MemberId = e.MemberId };
            vote.Cast++;
        }
        ballot.Group = Attendees.GetValueOrDefault(e.MemberId)?.Group ?? ballot.Group;
        ballot.Choice = e.Choice;
        ballot.At = e.At;
        vote.ByGroup[ballot.Group][ballot.Choice]++;
        Touch(ballot);
    }

    public void Apply(VoteClosed e)
    {
        var vote = Item(e.ItemId).Vote ??= new BoardVote { Question = "" };
        vote.Open = false;
        vote.Result = e;
        vote.ByGroup = e.ByGroup.ToDictionary(g => g.Key, g => g.Value.ToDictionary());
    }

    public void Apply(ActionPointAssigned e) =>
        Item(e.ItemId).ActionPoints.Add(new ActionPoint(e.ActionPointId, e.Description, e.OwnerMemberId, e.OwnerName, e.Due));

    public void Apply(AgendaItemClosed e)
    {
        var i = Item(e.ItemId);
        i.Status = ItemStatus.Closed;
        i.ClosedAt = e.At;
        CurrentItemId = null;
    }

    public void Apply(SessionClosed e)
    {
        Status = SessionStatus.Closed;
        ClosedAt = e.At;
        Hands.Clear();
    }

    /// <summary>
    /// The one dispatch of the session stream onto the board, for the inline projection and for a replay alike.
    /// Events of other kinds (none today) change nothing but the version.
    /// </summary>
    public void Apply(object e, long version)
    {
        _version = version;
        switch (e)
        {
            case SessionRescheduled x: Apply(x); break;
            case SessionCancelled x: Apply(x); break;
            case ParticipantInvited x: Apply(x); break;
            case InvitationAnswered x: Apply(x); break;
            case AgendaItemAdded x: Apply(x); break;
            case AgendaItemAmended x: Apply(x); break;
            case AgendaReordered x: Apply(x); break;
            case AgendaItemWithdrawn x: Apply(x); break;
            case SessionOpened x: Apply(x); break;
            case ParticipantCheckedIn x: Apply(x); break;
            case ParticipantLeft x: Apply(x); break;
            case AgendaItemOpened x: Apply(x); break;
            case ProposalTabled x: Apply(x); break;
            case ProposalRevised x: Apply(x); break;
            case PositionSubmitted x: Apply(x); break;
            case PositionWithdrawn x: Apply(x); break;
            case HandRaised x: Apply(x); break;
            case HandLowered x: Apply(x); break;
            case FloorGiven x: Apply(x); break;
            case FloorYielded x: Apply(x); break;
            case DecisionRecorded x: Apply(x); break;
            case ActionPointAssigned x: Apply(x); break;
            case VotingMembersChanged x: Apply(x); break;
            case VoteOpened x: Apply(x); break;
            case VoteCast x: Apply(x); break;
            case VoteClosed x: Apply(x); break;
            case AgendaItemClosed x: Apply(x); break;
            case SessionClosed x: Apply(x); break;
        }
        Version = version;
    }

    /// <summary>The whole board as it stood after the given events (a replay): every part in memory.</summary>
    public static SessionBoard? Replay(IEnumerable<(long Version, object Data)> events)
    {
        SessionBoard? board = null;
        foreach (var (version, data) in events)
        {
            if (board is null)
            {
                if (data is not SessionScheduled scheduled) continue;
                board = Create(scheduled);
                board.Version = version;
                continue;
            }
            board.Apply(data, version);
        }
        board?.Changed.Clear();
        return board;
    }

    /// <summary>The parts an event reads or writes, for the projection to load before applying it (and nothing else).</summary>
    public static IEnumerable<BoardPart> PartsOf(object e) => e switch
    {
        ParticipantInvited x => [BoardPart.Invitee(x.InvitationId)],
        InvitationAnswered x => [BoardPart.Invitee(x.InvitationId)],
        ParticipantCheckedIn x => [BoardPart.Attendee(x.MemberId)],
        ParticipantLeft x => [BoardPart.Attendee(x.MemberId)],
        PositionSubmitted x => [BoardPart.Attendee(x.MemberId), BoardPart.Position(x.ItemId, x.MemberId)],
        PositionWithdrawn x => [BoardPart.Position(x.ItemId, x.MemberId)],
        HandRaised x => [BoardPart.Attendee(x.MemberId)],
        FloorGiven x => [BoardPart.Attendee(x.MemberId)],
        FloorYielded x => [BoardPart.Attendee(x.MemberId)],
        VoteCast x => [BoardPart.Attendee(x.MemberId), BoardPart.Ballot(x.ItemId, x.MemberId)],
        _ => [],
    };

    public BoardItem Item(Guid itemId) => Agenda.Single(i => i.ItemId == itemId);

    private long _version;

    private void Touch(object part)
    {
        switch (part)
        {
            case BoardAttendee a: a.Version = _version; break;
            case BoardPosition p: p.Version = _version; break;
            case BoardInvitee i: i.Version = _version; break;
            case BoardBallot b: b.Version = _version; break;
        }
        Changed.Add(part);
    }

    private void Count(BoardAttendee a, int delta)
    {
        Attendance[a.Group][a.Presence] += delta;
        if (a.Role == MemberRole.Member) VotingPresent[a.Group] += delta;
    }

    /// <summary>Quorum from the counts of who is checked in now.</summary>
    private void Recount()
    {
        if (Status == SessionStatus.Scheduled) return;
        Quorum = QuorumRule.Evaluate(VotingMembers, Rules, VotingPresent);
        if (FullestQuorum is null || Quorum.Present > FullestQuorum.Present) FullestQuorum = Quorum;
    }

    private static Dictionary<StakeholderGroup, int> ByGroup() => Enum.GetValues<StakeholderGroup>().ToDictionary(g => g, _ => 0);

    private static Dictionary<StakeholderGroup, Dictionary<Presence, int>> NewAttendance() =>
        Enum.GetValues<StakeholderGroup>().ToDictionary(g => g, _ => Enum.GetValues<Presence>().ToDictionary(p => p, _ => 0));

    private static Dictionary<StakeholderGroup, Dictionary<RsvpAnswer, int>> NewRsvp() =>
        Enum.GetValues<StakeholderGroup>().ToDictionary(g => g, _ => Enum.GetValues<RsvpAnswer>().ToDictionary(a => a, _ => 0));
}

public enum BoardPartKind { Attendee, Position, Invitee, Ballot }

/// <summary>A part of a board that is stored as its own document, by what identifies it within the session.</summary>
public readonly record struct BoardPart(BoardPartKind Kind, Guid A, Guid B)
{
    public static BoardPart Attendee(Guid memberId) => new(BoardPartKind.Attendee, memberId, Guid.Empty);
    public static BoardPart Position(Guid itemId, Guid memberId) => new(BoardPartKind.Position, itemId, memberId);
    public static BoardPart Invitee(Guid invitationId) => new(BoardPartKind.Invitee, invitationId, Guid.Empty);
    public static BoardPart Ballot(Guid itemId, Guid memberId) => new(BoardPartKind.Ballot, itemId, memberId);

    public string Key(Guid sessionId) => Kind switch
    {
        BoardPartKind.Attendee => BoardKeys.Attendee(sessionId, A),
        BoardPartKind.Position => BoardKeys.Position(sessionId, A, B),
        BoardPartKind.Ballot => BoardKeys.Ballot(sessionId, A, B),
        _ => BoardKeys.Invitee(sessionId, A),
    };
}

/// <summary>The ids of a board's parts: readable, and derived from what they are, so a part is found without a query.</summary>
public static class BoardKeys
{
    public static string Attendee(Guid sessionId, Guid memberId) => $"{sessionId:N}/a/{memberId:N}";
    public static string Position(Guid sessionId, Guid itemId, Guid memberId) => $"{sessionId:N}/p/{itemId:N}/{memberId:N}";
    public static string Invitee(Guid sessionId, Guid invitationId) => $"{sessionId:N}/i/{invitationId:N}";
    public static string Ballot(Guid sessionId, Guid itemId, Guid memberId) => $"{sessionId:N}/v/{itemId:N}/{memberId:N}";
}
