using Forum.Domain.Forums;

namespace Forum.Domain.Sessions;

public enum SessionMode { InPerson, Online, Hybrid }
public enum SessionStatus { Scheduled, Open, Closed, Cancelled }
public enum ItemKind { Information, Discussion, Decision }
public enum ItemStatus { Pending, Open, Closed, Withdrawn }
public enum Presence { InRoom, Online }
public enum Stance { Support, SupportWithReservations, Abstain, Object, Block }
public enum Outcome { ConsensusReached, ConsensusWithReservations, NoConsensus, Deferred, VoteCarried, VoteFailed }
public enum RsvpAnswer { InRoom, Online, Decline }
public enum VoteChoice { Yes, No, Abstain }

/// <summary>Who was present at a moment, as recorded on a decision.</summary>
public sealed record PresentMember(Guid MemberId, string Name, StakeholderGroup Group, MemberRole Role, Presence Presence);
/// <summary>A position that was not followed (Object or Block, or a reservation), with the co-chairs' reasoned response.</summary>
public sealed record ObjectionOnRecord(Guid MemberId, string Name, StakeholderGroup Group, Stance Stance, string Statement, string Response);
public sealed record Quorum(bool Met, int Present, int Required, int VotingMembers, bool ParityRequired, bool ParityMet, string Explanation);
public sealed record ActionPoint(Guid ActionPointId, string Description, Guid OwnerMemberId, string OwnerName, DateOnly Due);

// Stored events of the session stream: never renamed or reshaped; add a new one instead.
public sealed record SessionScheduled(Guid SessionId, Guid ForumId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    SessionMode Mode, string Venue, string OnlineUrl, string Language, Guid By, DateTimeOffset At);
public sealed record SessionRescheduled(Guid SessionId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Venue, string OnlineUrl, Guid By, DateTimeOffset At);
public sealed record SessionCancelled(Guid SessionId, string Reason, Guid By, DateTimeOffset At);

/// <summary>MemberId is null for a guest invited by e-mail; guests join as observers (group Other, role Observer).</summary>
public sealed record ParticipantInvited(Guid SessionId, Guid InvitationId, Guid? MemberId, string Name, string Email, StakeholderGroup Group,
    MemberRole Role, Guid InvitedBy, DateTimeOffset At);
/// <summary>Answering again changes the answer (until the session starts).</summary>
public sealed record InvitationAnswered(Guid SessionId, Guid InvitationId, RsvpAnswer Answer, DateTimeOffset At);

public sealed record AgendaItemAdded(Guid SessionId, Guid ItemId, string Title, string Description, ItemKind Kind, string Presenter, int Minutes, Guid By, DateTimeOffset At);
public sealed record AgendaItemAmended(Guid SessionId, Guid ItemId, string Title, string Description, ItemKind Kind, string Presenter, int Minutes, Guid By, DateTimeOffset At);
public sealed record AgendaReordered(Guid SessionId, IReadOnlyList<Guid> ItemIds, Guid By, DateTimeOffset At);
public sealed record AgendaItemWithdrawn(Guid SessionId, Guid ItemId, string Reason, Guid By, DateTimeOffset At);

/// <summary>The forum as it stood when the session opened: the basis of quorum for the whole session.</summary>
public sealed record SessionOpened(Guid SessionId, IReadOnlyDictionary<StakeholderGroup, int> VotingMembers, ForumRules Rules,
    IReadOnlyList<Guid> CoChairs, Guid By, DateTimeOffset At);
/// <summary>RecordedBy is the secretariat's e-mail when someone was checked in for them; null when they checked in themselves.</summary>
public sealed record ParticipantCheckedIn(Guid SessionId, Guid MemberId, string Name, StakeholderGroup Group, MemberRole Role, Presence Presence, string? RecordedBy, DateTimeOffset At);
public sealed record ParticipantLeft(Guid SessionId, Guid MemberId, string? RecordedBy, DateTimeOffset At);

public sealed record AgendaItemOpened(Guid SessionId, Guid ItemId, Guid By, DateTimeOffset At);
public sealed record ProposalTabled(Guid SessionId, Guid ItemId, string Text, Guid By, DateTimeOffset At);
public sealed record ProposalRevised(Guid SessionId, Guid ItemId, string Text, int Revision, Guid By, DateTimeOffset At);

/// <summary>Resubmitting revises. RecordedBy is the secretariat's e-mail when recorded for someone in the room.</summary>
public sealed record PositionSubmitted(Guid SessionId, Guid ItemId, Guid MemberId, Stance Stance, string Statement, string? RecordedBy, Guid SubmissionId, DateTimeOffset At);
public sealed record PositionWithdrawn(Guid SessionId, Guid ItemId, Guid MemberId, DateTimeOffset At);

public sealed record HandRaised(Guid SessionId, Guid MemberId, DateTimeOffset At);
public sealed record HandLowered(Guid SessionId, Guid MemberId, DateTimeOffset At);
public sealed record FloorGiven(Guid SessionId, Guid MemberId, Guid By, DateTimeOffset At);
/// <summary>Seconds is how long the member held the floor; speaking time by group is the sum of these.</summary>
public sealed record FloorYielded(Guid SessionId, Guid MemberId, double Seconds, DateTimeOffset At);

public sealed record DecisionRecorded(Guid SessionId, Guid ItemId, Outcome Outcome, string Text,
    IReadOnlyList<ObjectionOnRecord> Objections, IReadOnlyList<PresentMember> Present, Quorum Quorum,
    IReadOnlyDictionary<Stance, int> Tally, Guid By, DateTimeOffset At);
public sealed record ActionPointAssigned(Guid SessionId, Guid ItemId, Guid ActionPointId, string Description, Guid OwnerMemberId, string OwnerName, DateOnly Due, Guid By, DateTimeOffset At);
public sealed record AgendaItemClosed(Guid SessionId, Guid ItemId, Guid By, DateTimeOffset At);
public sealed record SessionClosed(Guid SessionId, Guid By, DateTimeOffset At);

/// <summary>
/// The forum's voting members as they stand now, while the session is open (members admitted, removed or made observers
/// after it opened): quorum counts against these from here on.
/// </summary>
public sealed record VotingMembersChanged(Guid SessionId, IReadOnlyDictionary<StakeholderGroup, int> VotingMembers, DateTimeOffset At);

/// <summary>A co-chair puts the proposal (or the question) to a vote, where the forum's rules allow one.</summary>
public sealed record VoteOpened(Guid SessionId, Guid ItemId, string Question, Guid By, DateTimeOffset At);
/// <summary>A voting member present votes; voting again while the vote is open changes the vote.</summary>
public sealed record VoteCast(Guid SessionId, Guid ItemId, Guid MemberId, VoteChoice Choice, DateTimeOffset At);
/// <summary>
/// The vote's result by group and in all, the threshold it was measured against (Yes among Yes and No), and the quorum as it
/// stood when the vote closed; it carries only with quorum and at or above the threshold.
/// </summary>
public sealed record VoteClosed(Guid SessionId, Guid ItemId, IReadOnlyDictionary<StakeholderGroup, IReadOnlyDictionary<VoteChoice, int>> ByGroup,
    int Yes, int No, int Abstain, double Threshold, bool Carried, Quorum Quorum, Guid By, DateTimeOffset At);
