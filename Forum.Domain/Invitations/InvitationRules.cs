using System.Security.Cryptography;
using System.Text;
using Forum.Domain.Common;
using Forum.Domain.Forums;
using Forum.Domain.Sessions;

namespace Forum.Domain.Invitations;

public sealed record GuestInvitee(string? Name, string? Email);
public sealed record InviteParticipants(IReadOnlyList<Guid>? MemberIds, bool? All, IReadOnlyList<GuestInvitee>? Guests);
public sealed record AnswerInvitation(Guid InvitationId, RsvpAnswer? Answer);

/// <summary>What a mail to an invitee is about: the invitation (or its update after a reschedule), the cancellation, a reminder.</summary>
public enum InvitationMailKind { Invitation, Update, Cancellation, DayReminder, HourReminder }

/// <summary>Someone a request names, resolved to who they are in the forum (or a guest).</summary>
public sealed record Invitee(Guid InvitationId, Guid? MemberId, string Name, string Email, StakeholderGroup Group, MemberRole Role);

/// <summary>
/// Who is invited to a session and how they answer. The secretariat invites members (all, or chosen) and guests by
/// e-mail (guests join as observers) while the session is scheduled; an address is invited once. An invitee answers
/// (in the room, online, or not coming) and may change the answer until the session starts.
/// </summary>
public static class InvitationRules
{
    public const int GuestsMax = 500;

    /// <summary>
    /// One invitation per session and address, with an id derived from both: inviting the same address again finds the
    /// same invitation (idempotent), and the calendar UID built from it stays stable for the invitee.
    /// </summary>
    public static Guid InvitationIdFor(Guid sessionId, string email)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"invitation/{sessionId:N}/{Actor.NormaliseEmail(email)}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>Everyone the request names, in order (all members by group and name, chosen members, guests), each address once.</summary>
    public static (IReadOnlyList<Invitee> Invitees, Rejection? Refusal) Resolve(ForumState forum, SessionState s, InviteParticipants c)
    {
        var all = c.All == true;
        if (!all && (c.MemberIds?.Count ?? 0) == 0 && (c.Guests?.Count ?? 0) == 0)
            return ([], Rejection.Invalid("memberIds", "invitees-required", "Name who to invite: 'memberIds', 'all': true, or 'guests' [{name, email}]."));
        if (c.Guests?.Count > GuestsMax)
            return ([], Rejection.Invalid("guests", "guests-max", $"At most {GuestsMax} guests per request (it has {c.Guests.Count})."));

        var members = new List<Member>();
        if (all) members.AddRange(forum.Members.Values.OrderBy(m => m.Group).ThenBy(m => m.Name, StringComparer.Ordinal));
        foreach (var (id, i) in (c.MemberIds ?? []).Select((x, i) => (x, i)))
        {
            if (id == Guid.Empty) return ([], Rejection.Invalid($"memberIds[{i}]", "field-required", $"'memberIds[{i}]' is empty."));
            if (!forum.Members.TryGetValue(id, out var member))
                return ([], Rejection.NotFound("member-not-found", $"'{forum.Name}' has no member {id}; guests are invited by e-mail in 'guests'."));
            members.Add(member);
        }

        var invitees = members.Select(m => new Invitee(InvitationIdFor(s.Id, m.Email), m.MemberId, m.Name, m.Email, m.Group, m.Role)).ToList();
        foreach (var (guest, i) in (c.Guests ?? []).Select((x, i) => (x, i)))
        {
            if (guest is null) return ([], Rejection.Invalid($"guests[{i}]", "field-required", $"'guests[{i}]' needs a name and an email."));
            if (Input.First(Input.Required($"guests[{i}].name", guest.Name, SessionRules.TitleMax), Input.Email($"guests[{i}].email", guest.Email)) is { } bad)
                return ([], bad);
            var email = Actor.NormaliseEmail(guest.Email!);
            // An address that belongs to a member is invited as that member, with their group and role.
            invitees.Add(forum.MemberByEmail(email) is { } member
                ? new Invitee(InvitationIdFor(s.Id, email), member.MemberId, member.Name, member.Email, member.Group, member.Role)
                : new Invitee(InvitationIdFor(s.Id, email), null, guest.Name!.Trim(), email, StakeholderGroup.Other, MemberRole.Observer));
        }
        return (invitees.DistinctBy(x => x.Email).ToList(), null);
    }

    public static Verdict Invite(ForumState forum, SessionState s, InviteParticipants c, Actor? actor, DateTimeOffset now)
    {
        if (ForumAccess.Require(forum, actor, ForumRole.Secretariat, "invite participants") is { } denied) return denied;
        if (s.Status != SessionStatus.Scheduled)
            return Rejection.Conflict("session-not-scheduled", $"'{s.Title}' is {s.Status}; invitations go out for a scheduled session only.");
        var (invitees, refusal) = Resolve(forum, s, c);
        if (refusal is not null) return refusal;
        return Verdict.Accept([.. invitees
            .Where(i => !s.Invitations.ContainsKey(i.InvitationId) && s.InvitationFor(i.Email) is null)
            .Select(i => new ParticipantInvited(s.Id, i.InvitationId, i.MemberId, i.Name, i.Email, i.Group, i.Role, actor!.AccountId, now))]);
    }

    /// <summary>Answers are taken while the session is scheduled and has not started.</summary>
    public static bool Answerable(SessionStatus status, DateTimeOffset startsAt, DateTimeOffset now) => status == SessionStatus.Scheduled && now < startsAt;

    /// <summary>The answers a session's mode allows: no room to come to online, no link to follow in person.</summary>
    public static IReadOnlyList<RsvpAnswer> AnswersFor(SessionMode mode) => mode switch
    {
        SessionMode.InPerson => [RsvpAnswer.InRoom, RsvpAnswer.Decline],
        SessionMode.Online => [RsvpAnswer.Online, RsvpAnswer.Decline],
        _ => [RsvpAnswer.InRoom, RsvpAnswer.Online, RsvpAnswer.Decline],
    };

    /// <summary>The invitee answers through their personal link: the link is the proof of who they are.</summary>
    public static Verdict Answer(SessionState s, AnswerInvitation c, DateTimeOffset now)
    {
        if (!s.Invitations.TryGetValue(c.InvitationId, out var invitation))
            return Rejection.NotFound("invitation-not-found", $"'{s.Title}' has no invitation {c.InvitationId}.");
        if (Input.Defined("answer", c.Answer) is { } bad) return bad;
        if (s.Status == SessionStatus.Cancelled)
            return Rejection.Conflict("session-cancelled", $"'{s.Title}' was cancelled; there is nothing to answer.");
        if (!Answerable(s.Status, s.StartsAt, now))
            return Rejection.Conflict("rsvp-closed", $"'{s.Title}' has started; answers are taken until it starts ({s.StartsAt:yyyy-MM-dd HH:mm} UTC).");
        if (invitation.Answer == c.Answer) return Verdict.Accept();
        return Verdict.Accept(new InvitationAnswered(s.Id, invitation.InvitationId, c.Answer!.Value, now));
    }

    /// <summary>
    /// A signed-in invitee answers on the site: the account's address finds the invitation (the proof of who they are),
    /// then the same rule as the personal link applies.
    /// </summary>
    public static Verdict AnswerAsInvitee(SessionState s, RsvpAnswer? answer, Actor? actor, DateTimeOffset now)
    {
        if (actor is null) return Rejection.Unauthenticated();
        if (s.InvitationFor(Actor.NormaliseEmail(actor.Email)) is not { } invitation)
            return Rejection.Forbidden("invitees-only", $"{actor.Email} is not invited to '{s.Title}'; only invitees answer. Ask the secretariat to invite you.");
        return Answer(s, new AnswerInvitation(invitation.InvitationId, answer), now);
    }

    /// <summary>
    /// Whether a mail planned earlier (for the session's SEQUENCE then, or a reminder for the start then) still says
    /// something true when its turn comes: superseded updates, stale reminders and reminders to decliners are dropped.
    /// </summary>
    public static bool MailStillWanted(SessionState s, InvitationState invitee, InvitationMailKind kind, int sequence, DateTimeOffset plannedStart) => kind switch
    {
        InvitationMailKind.Invitation or InvitationMailKind.Update => s.Status == SessionStatus.Scheduled && sequence >= s.Sequence,
        InvitationMailKind.Cancellation => s.Status == SessionStatus.Cancelled,
        _ => s.Status == SessionStatus.Scheduled && s.StartsAt == plannedStart && invitee.Answer != RsvpAnswer.Decline,
    };

    /// <summary>Seeing who is invited, with their addresses and delivery status, is the secretariat's.</summary>
    public static Rejection? MayManage(ForumState forum, Actor? actor) =>
        ForumAccess.Require(forum, actor, ForumRole.Secretariat, "manage invitations");

    /// <summary>A resend repeats the invitation's latest mail (the invitation, or the cancellation) while the session has not begun.</summary>
    public static Rejection? MayResend(ForumState forum, SessionState s, Guid invitationId, Actor? actor)
    {
        if (MayManage(forum, actor) is { } denied) return denied;
        if (!s.Invitations.ContainsKey(invitationId))
            return Rejection.NotFound("invitation-not-found", $"'{s.Title}' has no invitation {invitationId}.");
        if (s.Status is SessionStatus.Open or SessionStatus.Closed)
            return Rejection.Conflict("session-started", $"'{s.Title}' is {s.Status}; invitations are not resent once it has begun.");
        return null;
    }
}
