using Forum.Domain.Forums;
using Forum.Domain.Sessions;

namespace Forum.Projections.Sessions;

public sealed class InviteeEntry
{
    public Guid InvitationId { get; set; }
    public Guid? MemberId { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public StakeholderGroup Group { get; set; }
    public MemberRole Role { get; set; }
    public RsvpAnswer? Answer { get; set; }
    public DateTimeOffset InvitedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

/// <summary>
/// Per session: who is invited (by e-mail) and what they answered, with what an agenda shows of the session.
/// Inline, so an answer is on the invitee's agenda at once; <see cref="Emails"/> makes "the sessions I am invited to"
/// one indexed containment query. Never served whole: it holds addresses.
/// </summary>
public sealed class SessionInvitees
{
    public Guid Id { get; set; }
    public Guid ForumId { get; set; }
    public string Title { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public SessionMode Mode { get; set; }
    public string Venue { get; set; } = "";
    public string OnlineUrl { get; set; } = "";
    public string Language { get; set; } = "";
    public SessionStatus Status { get; set; }
    public List<string> Emails { get; set; } = [];
    public List<InviteeEntry> Invitees { get; set; } = [];

    public static SessionInvitees Create(SessionScheduled e) => new()
    {
        Id = e.SessionId, ForumId = e.ForumId, Title = e.Title, StartsAt = e.StartsAt, EndsAt = e.EndsAt, Mode = e.Mode, Venue = e.Venue,
        OnlineUrl = e.OnlineUrl, Language = e.Language, Status = SessionStatus.Scheduled,
    };

    public void Apply(SessionRescheduled e) { StartsAt = e.StartsAt; EndsAt = e.EndsAt; Venue = e.Venue; OnlineUrl = e.OnlineUrl; }
    public void Apply(SessionCancelled _) => Status = SessionStatus.Cancelled;
    public void Apply(SessionOpened _) => Status = SessionStatus.Open;
    public void Apply(SessionClosed _) => Status = SessionStatus.Closed;

    public void Apply(ParticipantInvited e)
    {
        if (Invitees.Any(i => i.InvitationId == e.InvitationId)) return;
        Invitees.Add(new InviteeEntry
        {
            InvitationId = e.InvitationId, MemberId = e.MemberId, Name = e.Name, Email = e.Email, Group = e.Group, Role = e.Role, InvitedAt = e.At,
        });
        Emails.Add(e.Email);
    }

    public void Apply(InvitationAnswered e)
    {
        if (Invitees.FirstOrDefault(i => i.InvitationId == e.InvitationId) is not { } invitee) return;
        invitee.Answer = e.Answer;
        invitee.AnsweredAt = e.At;
    }
}
