using Forum.Domain.Forums;
using Forum.Domain.Sessions;

namespace Forum.Projections.Forums;

public sealed class MeetingDecision
{
    public Guid ItemId { get; set; }
    public Outcome Outcome { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Objections, Blocks and reservations standing when the decision was taken, and how many of them it answered.</summary>
    public int NotFollowed { get; set; }
    public int Answered { get; set; }
}

/// <summary>
/// One session as the forum's record of its meetings sees it: when it was held, who attended at any moment by group,
/// speaking time by group, and how the decisions answered what was not followed. A few hundred bytes where the board is
/// tens or hundreds of KiB, so the public page and the OGP report read one small document per session (ADR 0018).
/// Inline; figures come from the events' own times, never from the clock.
/// </summary>
public sealed class MeetingRecord
{
    public Guid Id { get; set; }
    public Guid ForumId { get; set; }
    public long Version { get; set; }
    public string Title { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public SessionMode Mode { get; set; }
    public SessionStatus Status { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Everyone who checked in at some moment, even if they left: attendance is who came, not who stayed.</summary>
    public Dictionary<Guid, StakeholderGroup> Attended { get; set; } = [];
    public Dictionary<StakeholderGroup, int> Attendance { get; set; } = [];
    public Dictionary<StakeholderGroup, double> SpeakingSeconds { get; set; } = [];
    public List<MeetingDecision> Decisions { get; set; } = [];
    /// <summary>Commitments the agenda's items are about (MR 5.1: a meeting that reviews implementation).</summary>
    public List<Guid> LinkedCommitments { get; set; } = [];

    public bool Held => OpenedAt is not null && Status is SessionStatus.Open or SessionStatus.Closed;

    public static MeetingRecord Create(SessionScheduled e) => new()
    {
        Id = e.SessionId, ForumId = e.ForumId, Title = e.Title, StartsAt = e.StartsAt, EndsAt = e.EndsAt, Mode = e.Mode, Status = SessionStatus.Scheduled,
    };

    public void Apply(SessionRescheduled e) { StartsAt = e.StartsAt; EndsAt = e.EndsAt; }
    public void Apply(SessionCancelled e) => Status = SessionStatus.Cancelled;

    public void Apply(SessionOpened e)
    {
        Status = SessionStatus.Open;
        OpenedAt = e.At;
    }

    public void Apply(ParticipantCheckedIn e)
    {
        // Checking in again (after leaving, or to change presence) is the same person attending once.
        if (Attended.TryAdd(e.MemberId, e.Group)) Attendance[e.Group] = Attendance.GetValueOrDefault(e.Group) + 1;
    }

    public void Apply(FloorYielded e)
    {
        var group = Attended.GetValueOrDefault(e.MemberId, StakeholderGroup.Other);
        SpeakingSeconds[group] = SpeakingSeconds.GetValueOrDefault(group) + e.Seconds;
    }

    public void Apply(AgendaItemLinked e)
    {
        if (e.CommitmentId is { } id && !LinkedCommitments.Contains(id)) LinkedCommitments.Add(id);
    }

    public void Apply(DecisionRecorded e)
    {
        // Reservations without a response are not on the record's list, but the tally counts every stance that stood.
        var notFollowed = e.Tally.GetValueOrDefault(Stance.Object) + e.Tally.GetValueOrDefault(Stance.Block) + e.Tally.GetValueOrDefault(Stance.SupportWithReservations);
        var answered = e.Objections.Count(o => o.Stance is Stance.Object or Stance.Block or Stance.SupportWithReservations && !string.IsNullOrWhiteSpace(o.Response));
        Decisions.Add(new MeetingDecision { ItemId = e.ItemId, Outcome = e.Outcome, At = e.At, NotFollowed = notFollowed, Answered = Math.Min(answered, notFollowed) });
    }

    public void Apply(SessionClosed e)
    {
        Status = SessionStatus.Closed;
        ClosedAt = e.At;
    }
}
