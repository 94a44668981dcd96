using Forum.Domain.Forums;
using Forum.Domain.Sessions;

namespace Forum.Projections.Sessions;

public sealed class BoardAttendee
{
    public Guid MemberId { get; set; }
    public string Name { get; set; } = "";
    public StakeholderGroup Group { get; set; }
    public MemberRole Role { get; set; }
    public Presence Presence { get; set; }
    public string? RecordedBy { get; set; }
    public DateTimeOffset CheckedInAt { get; set; }
}

public sealed class BoardPosition
{
    public Guid MemberId { get; set; }
    public string Name { get; set; } = "";
    public StakeholderGroup Group { get; set; }
    public Stance Stance { get; set; }
    public string Statement { get; set; } = "";
    public string? RecordedBy { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>How many times this member has revised their position on this item (0 for the first).</summary>
    public int Revision { get; set; }
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
}

public sealed class BoardItem
{
    public Guid ItemId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public ItemKind Kind { get; set; }
    public string Presenter { get; set; } = "";
    public int Minutes { get; set; }
    public ItemStatus Status { get; set; }
    public string? Proposal { get; set; }
    public int ProposalRevision { get; set; }
    public Dictionary<Guid, BoardPosition> Positions { get; set; } = [];
    public Dictionary<Stance, int> Tally { get; set; } = [];
    public Dictionary<StakeholderGroup, Dictionary<Stance, int>> TallyByGroup { get; set; } = [];
    public BoardDecision? Decision { get; set; }
    public List<ActionPoint> ActionPoints { get; set; } = [];
    /// <summary>The action plan's commitment or proposal the item is about (AgendaItemLinked), if any.</summary>
    public Guid? CommitmentId { get; set; }
    public Guid? ProposalId { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

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

/// <summary>An invitee as the room sees them: no e-mail address on the board.</summary>
public sealed class BoardInvitee
{
    public Guid InvitationId { get; set; }
    public Guid? MemberId { get; set; }
    public string Name { get; set; } = "";
    public StakeholderGroup Group { get; set; }
    public bool Guest { get; set; }
    public RsvpAnswer? Answer { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

public sealed class FloorHolder
{
    public Guid MemberId { get; set; }
    public string Name { get; set; } = "";
    public StakeholderGroup Group { get; set; }
    public DateTimeOffset Since { get; set; }
}

/// <summary>
/// What the room sees, per session: status, agenda, attendance, quorum, hands and floor, positions and tallies, decisions.
/// Inline, so a writer's own change is visible at once; every figure derives from the events' own times (a rebuild never
/// rewrites history). It carries the stream version it reflects.
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
    public Dictionary<Guid, BoardAttendee> Attendees { get; set; } = [];
    public Dictionary<StakeholderGroup, Dictionary<Presence, int>> Attendance { get; set; } = [];
    public Dictionary<StakeholderGroup, int> VotingMembers { get; set; } = [];
    public ForumRules Rules { get; set; } = ForumRules.Default;
    public List<Guid> CoChairs { get; set; } = [];
    public Quorum? Quorum { get; set; }
    public List<Hand> Hands { get; set; } = [];
    public FloorHolder? Floor { get; set; }
    public Dictionary<StakeholderGroup, double> SpeakingSeconds { get; set; } = [];
    public Dictionary<Guid, BoardInvitee> Invitees { get; set; } = [];
    /// <summary>Answers by stakeholder group; those who have not answered are in <see cref="RsvpPending"/>.</summary>
    public Dictionary<StakeholderGroup, Dictionary<RsvpAnswer, int>> Rsvp { get; set; } = [];
    public Dictionary<StakeholderGroup, int> RsvpPending { get; set; } = [];

    public static SessionBoard Create(SessionScheduled e) => new()
    {
        Id = e.SessionId, ForumId = e.ForumId, Title = e.Title, StartsAt = e.StartsAt, EndsAt = e.EndsAt, Mode = e.Mode,
        Venue = e.Venue, OnlineUrl = e.OnlineUrl, Language = e.Language, Status = SessionStatus.Scheduled,
    };

    public void Apply(SessionRescheduled e) { StartsAt = e.StartsAt; EndsAt = e.EndsAt; Venue = e.Venue; OnlineUrl = e.OnlineUrl; }
    public void Apply(SessionCancelled e) { Status = SessionStatus.Cancelled; CancelReason = e.Reason; }

    public void Apply(ParticipantInvited e)
    {
        Invitees[e.InvitationId] = new BoardInvitee { InvitationId = e.InvitationId, MemberId = e.MemberId, Name = e.Name, Group = e.Group, Guest = e.MemberId is null };
        RecountRsvp();
    }

    public void Apply(InvitationAnswered e)
    {
        if (!Invitees.TryGetValue(e.InvitationId, out var invitee)) return;
        invitee.Answer = e.Answer;
        invitee.AnsweredAt = e.At;
        RecountRsvp();
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

    public void Apply(AgendaItemLinked e) { var i = Item(e.ItemId); i.CommitmentId = e.CommitmentId; i.ProposalId = e.ProposalId; }

    public void Apply(AgendaReordered e) =>
        Agenda = Agenda.OrderBy(i => e.ItemIds.ToList().IndexOf(i.ItemId) is var at && at < 0 ? int.MaxValue : at).ToList();

    public void Apply(AgendaItemWithdrawn e) => Item(e.ItemId).Status = ItemStatus.Withdrawn;

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
        Attendees[e.MemberId] = new BoardAttendee
        {
            MemberId = e.MemberId, Name = e.Name, Group = e.Group, Role = e.Role, Presence = e.Presence, RecordedBy = e.RecordedBy, CheckedInAt = e.At,
        };
        Recount();
    }

    public void Apply(ParticipantLeft e)
    {
        Attendees.Remove(e.MemberId);
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

    public void Apply(ProposalTabled e) { var i = Item(e.ItemId); i.Proposal = e.Text; i.ProposalRevision = 0; }
    public void Apply(ProposalRevised e) { var i = Item(e.ItemId); i.Proposal = e.Text; i.ProposalRevision = e.Revision; }

    public void Apply(PositionSubmitted e)
    {
        var item = Item(e.ItemId);
        var revision = 0;
        if (item.Positions.TryGetValue(e.MemberId, out var before))
        {
            item.Count(before.Group, before.Stance, -1);
            revision = before.Revision + 1;
        }
        var who = Attendees.GetValueOrDefault(e.MemberId);
        var position = new BoardPosition
        {
            MemberId = e.MemberId, Name = who?.Name ?? before?.Name ?? "", Group = who?.Group ?? before?.Group ?? StakeholderGroup.Other,
            Stance = e.Stance, Statement = e.Statement, RecordedBy = e.RecordedBy, At = e.At, Revision = revision,
        };
        item.Positions[e.MemberId] = position;
        item.Count(position.Group, position.Stance, +1);
    }

    public void Apply(PositionWithdrawn e)
    {
        var item = Item(e.ItemId);
        if (item.Positions.Remove(e.MemberId, out var before)) item.Count(before.Group, before.Stance, -1);
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
        Tally = e.Tally.ToDictionary(), At = e.At,
    };

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

    public BoardItem Item(Guid itemId) => Agenda.Single(i => i.ItemId == itemId);

    private void RecountRsvp()
    {
        Rsvp = Enum.GetValues<StakeholderGroup>().ToDictionary(g => g,
            g => Enum.GetValues<RsvpAnswer>().ToDictionary(a => a, a => Invitees.Values.Count(i => i.Group == g && i.Answer == a)));
        RsvpPending = Enum.GetValues<StakeholderGroup>().ToDictionary(g => g, g => Invitees.Values.Count(i => i.Group == g && i.Answer is null));
    }

    /// <summary>Attendance by group and presence, and quorum, from who is checked in now.</summary>
    private void Recount()
    {
        Attendance = Enum.GetValues<StakeholderGroup>().ToDictionary(g => g,
            g => Enum.GetValues<Presence>().ToDictionary(p => p, p => Attendees.Values.Count(a => a.Group == g && a.Presence == p)));
        if (Status != SessionStatus.Scheduled)
            Quorum = QuorumRule.Evaluate(VotingMembers, Rules, Attendees.Values.Select(a => (a.Group, a.Role == MemberRole.Member)));
    }
}
